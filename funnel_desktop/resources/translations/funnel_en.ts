<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>Board</name>
        <message numerus="yes">
            <source>Delete these %Ln deals with their history and activities?
%1</source>
            <translation>
                <numerusform>Delete this %Ln deal with its history and activities?
%1</numerusform>
                <numerusform>Delete these %Ln deals with their history and activities?
%1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CliImport</name>
        <message numerus="yes">
            <source>Would import %Ln row(s): deals %1 created, %2 updated, %3 unchanged; customers %4 created, %5 updated; contacts %6, owners %7, teams %8, regions %9, sources %10 created; %11 skipped.</source>
            <translation>
                <numerusform>Would import %Ln row: deals %1 created, %2 updated, %3 unchanged; customers %4 created, %5 updated; contacts %6, owners %7, teams %8, regions %9, sources %10 created; %11 skipped.</numerusform>
                <numerusform>Would import %Ln rows: deals %1 created, %2 updated, %3 unchanged; customers %4 created, %5 updated; contacts %6, owners %7, teams %8, regions %9, sources %10 created; %11 skipped.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Imported %Ln row(s): deals %1 created, %2 updated, %3 unchanged; customers %4 created, %5 updated; contacts %6, owners %7, teams %8, regions %9, sources %10 created; %11 skipped.</source>
            <translation>
                <numerusform>Imported %Ln row: deals %1 created, %2 updated, %3 unchanged; customers %4 created, %5 updated; contacts %6, owners %7, teams %8, regions %9, sources %10 created; %11 skipped.</numerusform>
                <numerusform>Imported %Ln rows: deals %1 created, %2 updated, %3 unchanged; customers %4 created, %5 updated; contacts %6, owners %7, teams %8, regions %9, sources %10 created; %11 skipped.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln row(s) have problems and are skipped.</source>
            <translation>
                <numerusform>%Ln row has problems and is skipped.</numerusform>
                <numerusform>%Ln rows have problems and are skipped.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln row(s) have problems; nothing is imported until they are fixed or skipped.</source>
            <translation>
                <numerusform>%Ln row has problems; nothing is imported until it is fixed or skipped.</numerusform>
                <numerusform>%Ln rows have problems; nothing is imported until they are fixed or skipped.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DealWords</name>
        <message numerus="yes">
            <source>%1 and %Ln more</source>
            <translation>
                <numerusform>%1 and %Ln more</numerusform>
                <numerusform>%1 and %Ln more</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message numerus="yes">
            <source>Exported %Ln row(s) to %1</source>
            <translation>
                <numerusform>Exported %Ln row to %1</numerusform>
                <numerusform>Exported %Ln rows to %1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Health</name>
        <message numerus="yes">
            <source>%Ln day(s)</source>
            <translation>
                <numerusform>%Ln day</numerusform>
                <numerusform>%Ln days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Expected close date already passed: %Ln open deal(s) (%1), by up to %2. Update their dates or close them.</source>
            <translation>
                <numerusform>Expected close date already passed: %Ln open deal (%1), by %2. Update its date or close it.</numerusform>
                <numerusform>Expected close date already passed: %Ln open deals (%1), by up to %2. Update their dates or close them.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Next step overdue: %Ln deal(s) (%1), by up to %2.</source>
            <translation>
                <numerusform>Next step overdue: %Ln deal (%1), by %2.</numerusform>
                <numerusform>Next step overdue: %Ln deals (%1), by up to %2.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Going stale in “%1”: %Ln deal(s) (%2) with no stage change or activity for more than %3 (the longest %4).</source>
            <translation>
                <numerusform>Going stale in “%1”: %Ln deal (%2) with no stage change or activity for more than %3 (%4).</numerusform>
                <numerusform>Going stale in “%1”: %Ln deals (%2) with no stage change or activity for more than %3 (the longest %4).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>No decision maker known: %Ln deal(s) (%1) from “%2” on have no decision maker on the customer's decision chain.</source>
            <translation>
                <numerusform>No decision maker known: %Ln deal (%1) from “%2” on has no decision maker on the customer's decision chain.</numerusform>
                <numerusform>No decision maker known: %Ln deals (%1) from “%2” on have no decision maker on the customer's decision chain.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Busy but thin: %Ln activities were logged, yet only %1 of %2 open deals are beyond the first stage.</source>
            <translation>
                <numerusform>Busy but thin: %Ln activity was logged, yet only %1 of %2 open deals are beyond the first stage.</numerusform>
                <numerusform>Busy but thin: %Ln activities were logged, yet only %1 of %2 open deals are beyond the first stage.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>No next step: %Ln open deal(s) (%1) have no next step agreed with the customer.</source>
            <translation>
                <numerusform>No next step: %Ln open deal (%1) has no next step agreed with the customer.</numerusform>
                <numerusform>No next step: %Ln open deals (%1) have no next step agreed with the customer.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HealthCard</name>
        <message numerus="yes">
            <source>%Ln deal(s) behind it</source>
            <translation>
                <numerusform>%Ln deal behind it</numerusform>
                <numerusform>%Ln deals behind it</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln deal(s) behind the chosen finding; double-click one to open it.</source>
            <translation>
                <numerusform>%Ln deal behind the chosen finding; double-click it to open it.</numerusform>
                <numerusform>%Ln deals behind the chosen finding; double-click one to open it.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message numerus="yes">
            <source>%Ln row(s) have problems and will be skipped.</source>
            <translation>
                <numerusform>%Ln row has problems and will be skipped.</numerusform>
                <numerusform>%Ln rows have problems and will be skipped.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln row(s) have problems: fix them in the file, change the mapping, or choose to skip those rows.</source>
            <translation>
                <numerusform>%Ln row has problems: fix it in the file, change the mapping, or choose to skip it.</numerusform>
                <numerusform>%Ln rows have problems: fix them in the file, change the mapping, or choose to skip those rows.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message numerus="yes">
            <source>%n row(s) have problems, so nothing was imported. Fix them, or choose to skip the rows with problems.</source>
            <translation>
                <numerusform>%n row has problems, so nothing was imported. Fix it, or choose to skip the rows with problems.</numerusform>
                <numerusform>%n rows have problems, so nothing was imported. Fix them, or choose to skip the rows with problems.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) have no customer; their deals were imported without one.</source>
            <translation>
                <numerusform>%n row has no customer; its deal was imported without one.</numerusform>
                <numerusform>%n rows have no customer; their deals were imported without one.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n deal(s) have no created date; they were given {date} ({rule}).</source>
            <translation>
                <numerusform>%n deal has no created date; it was given {date} ({rule}).</numerusform>
                <numerusform>%n deals have no created date; they were given {date} ({rule}).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n closed deal(s) have no close date; they were given their created date.</source>
            <translation>
                <numerusform>%n closed deal has no close date; it was given its created date.</numerusform>
                <numerusform>%n closed deals have no close date; they were given their created date.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n closed deal(s) have no created date; their close date was used.</source>
            <translation>
                <numerusform>%n closed deal has no created date; its close date was used.</numerusform>
                <numerusform>%n closed deals have no created date; their close date was used.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>“{value}” was matched to “{match}” in {file} (%n row(s)).</source>
            <translation>
                <numerusform>“{value}” was matched to “{match}” in {file} (%n row).</numerusform>
                <numerusform>“{value}” was matched to “{match}” in {file} (%n rows).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>“{value}” is not in {file} (%n row(s)).</source>
            <translation>
                <numerusform>“{value}” is not in {file} (%n row).</numerusform>
                <numerusform>“{value}” is not in {file} (%n rows).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n open deal(s) without an amount were valued at their product's list price.</source>
            <translation>
                <numerusform>%n open deal without an amount was valued at its product's list price.</numerusform>
                <numerusform>%n open deals without an amount were valued at their product's list price.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Stage “{value}” (%n row(s)) is not a stage of this pipeline, whose stages are: {stages}. To map it, add it to the mapping's “stage_map”, e.g. {line}.</source>
            <translation>
                <numerusform>Stage “{value}” (%n row) is not a stage of this pipeline, whose stages are: {stages}. To map it, add it to the mapping's “stage_map”, e.g. {line}.</numerusform>
                <numerusform>Stage “{value}” (%n rows) is not a stage of this pipeline, whose stages are: {stages}. To map it, add it to the mapping's “stage_map”, e.g. {line}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) have no stage; they were put in “{stage}”.</source>
            <translation>
                <numerusform>%n row has no stage; it was put in “{stage}”.</numerusform>
                <numerusform>%n rows have no stage; they were put in “{stage}”.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>“{value}” is not a kept won or lost reason; %n deal(s) were closed without a reason.</source>
            <translation>
                <numerusform>“{value}” is not a kept won or lost reason; %n deal was closed without a reason.</numerusform>
                <numerusform>“{value}” is not a kept won or lost reason; %n deals were closed without a reason.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Stage “{value}” still holds %n deal(s): choose where to move them before removing it.</source>
            <translation>
                <numerusform>Stage “{value}” still holds %n deal: choose where to move it before removing the stage.</numerusform>
                <numerusform>Stage “{value}” still holds %n deals: choose where to move them before removing it.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The text is too long: %n character(s), and at most {limit} fit here.</source>
            <translation>
                <numerusform>The text is too long: %n character, and at most {limit} fit here.</numerusform>
                <numerusform>The text is too long: %n characters, and at most {limit} fit here.</numerusform>
            </translation>
        </message>
    </context>
</TS>
