; Inno Setup 6 script of the Windows installer, in English and Simplified Chinese (the
; language is chosen from Windows', or asked). Made by .github/workflows/build.yml from the
; folder that `python tools/build_app.py` builds:
;   iscc /DAppVersion=0.1.0 packaging\windows\funnel-desktop.iss
; -> dist\FunnelDesktop-0.1.0-setup.exe. It installs for the current user (no administrator
; needed; an administrator may choose all users), adds a Start menu entry and optionally a
; desktop one. Uninstalling leaves the user's data folder (%APPDATA%\FunnelDesktop) alone.
; This file is UTF-8 with a byte-order mark, as Inno Setup needs for its Chinese texts.

#ifndef AppVersion
  #error Give the version: iscc /DAppVersion=X.Y.Z packaging\windows\funnel-desktop.iss
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\FunnelDesktop"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\app\icons\funnel-desktop.ico"
#endif

[Setup]
AppId={{9B28F8B0-5008-46CC-8E7C-0E1AECEB5131}
AppName=Funnel Desktop
AppVersion={#AppVersion}
AppVerName=Funnel Desktop {#AppVersion}
AppPublisher=Funnel Desktop
DefaultDirName={autopf}\FunnelDesktop
DefaultGroupName=Funnel Desktop
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=FunnelDesktop-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\FunnelDesktop.exe
UninstallDisplayName=Funnel Desktop {#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[CustomMessages]
english.AppName=Funnel Desktop
chinesesimplified.AppName=销售漏斗管家
english.AppComment=Customers, deals and the weekly funnel report, offline
chinesesimplified.AppComment=离线管理客户、商机和每周销售漏斗报告
english.CommandsName=Funnel Desktop commands
chinesesimplified.CommandsName=销售漏斗管家命令行

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; FunnelDesktop.exe (the app, no console) and funnel-desktop.exe (the commands) share the files.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{cm:AppName}"; Filename: "{app}\FunnelDesktop.exe"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{cm:AppName}"; Filename: "{app}\FunnelDesktop.exe"; Comment: "{cm:AppComment}"; Tasks: desktopicon
Name: "{autoprograms}\{cm:CommandsName}"; Filename: "{cmd}"; Parameters: "/k ""{app}\funnel-desktop.exe"" --help"; WorkingDir: "{userdocs}"

[Run]
Filename: "{app}\FunnelDesktop.exe"; Description: "{cm:LaunchProgram,{cm:AppName}}"; Flags: nowait postinstall skipifsilent
