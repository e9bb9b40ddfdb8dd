<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About Funnel Desktop</source>
            <translation>关于销售漏斗管家</translation>
        </message>
        <message>
            <source>Funnel Desktop (销售漏斗管家)</source>
            <translation>销售漏斗管家 (Funnel Desktop)</translation>
        </message>
        <message>
            <source>Version %1</source>
            <translation>版本 %1</translation>
        </message>
        <message>
            <source>An offline sales-funnel manager: one program and one database file, no account, no server, no internet.</source>
            <translation>离线的销售漏斗管理工具：一个程序、一个数据库文件，无需账号、服务器或网络。</translation>
        </message>
        <message>
            <source>Database</source>
            <translation>数据库</translation>
        </message>
        <message>
            <source>Data folder</source>
            <translation>数据文件夹</translation>
        </message>
        <message>
            <source>Log folder</source>
            <translation>日志文件夹</translation>
        </message>
        <message>
            <source>Open folder</source>
            <translation>打开文件夹</translation>
        </message>
    </context>
    <context>
        <name>Actions</name>
        <message>
            <source>created a deal</source>
            <translation>新建了商机</translation>
        </message>
        <message>
            <source>edited a deal</source>
            <translation>编辑了商机</translation>
        </message>
        <message>
            <source>deleted deals</source>
            <translation>删除了商机</translation>
        </message>
        <message>
            <source>moved deals</source>
            <translation>移动了商机</translation>
        </message>
        <message>
            <source>marked deals won</source>
            <translation>将商机标为赢单</translation>
        </message>
        <message>
            <source>marked deals lost</source>
            <translation>将商机标为输单</translation>
        </message>
        <message>
            <source>reopened a deal</source>
            <translation>重新打开了商机</translation>
        </message>
        <message>
            <source>logged a follow-up</source>
            <translation>记录了跟进</translation>
        </message>
        <message>
            <source>ticked off a follow-up</source>
            <translation>完成了跟进</translation>
        </message>
        <message>
            <source>saved a customer</source>
            <translation>保存了客户</translation>
        </message>
        <message>
            <source>deleted a customer</source>
            <translation>删除了客户</translation>
        </message>
        <message>
            <source>created a pipeline</source>
            <translation>新建了销售漏斗</translation>
        </message>
        <message>
            <source>edited a pipeline</source>
            <translation>编辑了销售漏斗</translation>
        </message>
        <message>
            <source>deleted a pipeline</source>
            <translation>删除了销售漏斗</translation>
        </message>
        <message>
            <source>filled the kept lists</source>
            <translation>填入了常用列表</translation>
        </message>
        <message>
            <source>added to a kept list</source>
            <translation>在常用列表中添加了一项</translation>
        </message>
        <message>
            <source>edited a kept list</source>
            <translation>编辑了常用列表</translation>
        </message>
        <message>
            <source>changed a setting</source>
            <translation>更改了设置</translation>
        </message>
        <message>
            <source>set a target</source>
            <translation>设置了目标</translation>
        </message>
        <message>
            <source>wrote the weekly notes</source>
            <translation>写了周报备注</translation>
        </message>
        <message>
            <source>imported a file</source>
            <translation>导入了文件</translation>
        </message>
        <message>
            <source>made the demo data</source>
            <translation>生成了演示数据</translation>
        </message>
        <message>
            <source>undid: %1</source>
            <translation>撤销：%1</translation>
        </message>
        <message>
            <source>redid: %1</source>
            <translation>重做：%1</translation>
        </message>
    </context>
    <context>
        <name>Analytics</name>
        <message>
            <source>By count</source>
            <translation>按数量</translation>
        </message>
        <message>
            <source>By value</source>
            <translation>按金额</translation>
        </message>
        <message>
            <source>Bar length: number of deals or their amount</source>
            <translation>条形长度：商机数量或金额</translation>
        </message>
    </context>
    <context>
        <name>AnalyticsPage</name>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>Compute every number again from the database</source>
            <translation>从数据库重新计算所有数字</translation>
        </message>
        <message>
            <source>Targets…</source>
            <translation>目标…</translation>
        </message>
        <message>
            <source>Open deals</source>
            <translation>进行中商机</translation>
        </message>
        <message>
            <source>Deals in the open stages of this pipeline that match the filters, now.</source>
            <translation>本销售漏斗中当前处于进行中阶段、符合筛选条件的商机。</translation>
        </message>
        <message>
            <source>Pipeline</source>
            <translation>漏斗金额</translation>
        </message>
        <message>
            <source>Σ amount of the open deals.</source>
            <translation>进行中商机的金额合计（Σ）。</translation>
        </message>
        <message>
            <source>Weighted</source>
            <translation>加权金额</translation>
        </message>
        <message>
            <source>Won in the period</source>
            <translation>本期赢单</translation>
        </message>
        <message>
            <source>Win rate</source>
            <translation>赢单率</translation>
        </message>
        <message>
            <source>Funnel and forecast</source>
            <translation>漏斗与预测</translation>
        </message>
        <message>
            <source>Trends</source>
            <translation>趋势</translation>
        </message>
        <message>
            <source>Reasons and sizes</source>
            <translation>原因与金额分布</translation>
        </message>
        <message>
            <source>People and segments</source>
            <translation>人员与细分</translation>
        </message>
        <message>
            <source>Reverse planning</source>
            <translation>目标倒推</translation>
        </message>
        <message>
            <source>Health</source>
            <translation>病症诊断</translation>
        </message>
        <message>
            <source>Updating…</source>
            <translation>正在更新…</translation>
        </message>
        <message>
            <source>Updated %1 · %2 s</source>
            <translation>已更新 %1 · 用时 %2 秒</translation>
        </message>
        <message>
            <source>Loading the deals took %1 s of it.</source>
            <translation>其中读取商机用了 %1 秒。</translation>
        </message>
        <message>
            <source>%1 of the pipeline</source>
            <translation>占漏斗的 %1</translation>
        </message>
        <message>
            <source>%1 deals · %2</source>
            <translation>%1 个商机 · %2</translation>
        </message>
        <message>
            <source>%1 won · %2 lost</source>
            <translation>赢 %1 · 输 %2</translation>
        </message>
    </context>
    <context>
        <name>AnalyticsRules</name>
        <message>
            <source>Bars: deals created in the period that reached each stage (a deal reached a stage if it was ever in it or a later open stage, or was won). Conversion = reached(next) ÷ reached(this). Ideal: the first bar carried down by each stage's target conversion.</source>
            <translation>条形：本期创建、到达各阶段的商机（商机曾处于该阶段或其后的进行中阶段，或已赢单，即算到达）。转化率 = 到达下一阶段数 ÷ 到达本阶段数。理想：第一条按各阶段的目标转化率逐级推算。</translation>
        </message>
        <message>
            <source>For each month: weighted value (amount × probability) of open deals expected to close in it, beside the amount won in it. Open deals whose expected close date has passed are overdue, never hidden in a past month. Target: the month's own target, else its even share of the quarter's or year's.</source>
            <translation>每个月：预计在该月成交的进行中商机的加权金额（金额 × 成交可能性），与该月实际赢单金额并列。已过预计成交日期的进行中商机算逾期，不会藏在过去的月份里。目标：该月自己的目标，没有则按季度或年度目标平均分摊。</translation>
        </message>
        <message>
            <source>Each of {runs} simulated runs lets every open deal win with its probability and books its amount in its expected-close month (overdue deals in the current month). P10, P50 and P90 are the 10th, 50th and 90th percentiles of the runs' revenue.</source>
            <translation>共模拟 {runs} 次，每次让每个进行中商机按其成交可能性赢单，并把金额计入预计成交月份（逾期商机计入本月）。P10、P50 和 P90 分别是各次模拟收入的第 10、50 和 90 百分位。</translation>
        </message>
        <message>
            <source>Deals closed in the period, by the reason kept when they were closed: count and amount per reason and per category, and each one's share of the won (or lost) total.</source>
            <translation>本期结单的商机，按结单时记录的原因统计：每个原因和类别的数量与金额，以及各自占赢单（或输单）总数的比例。</translation>
        </message>
        <message>
            <source>Deals by amount band (lower bound inclusive): open deals now, and deals won or lost in the period; win rate = won ÷ (won + lost) by count.</source>
            <translation>按金额区间统计商机（含下限）：当前的进行中商机，以及本期赢单或输单的商机；赢单率 = 赢单数 ÷（赢单数 + 输单数），按数量计。</translation>
        </message>
        <message>
            <source>Open: deals open now. Won, lost, win rate (won ÷ (won + lost) by count), average deal and sales cycle (days from creation to won): deals closed in the period.</source>
            <translation>进行中：当前的进行中商机。赢单、输单、赢单率（赢单数 ÷（赢单数 + 输单数），按数量计）、平均成交金额和销售周期（从创建到赢单的天数）：本期结单的商机。</translation>
        </message>
        <message>
            <source>Weighted value = amount × probability ÷ 100, summed over open deals; a deal's own probability overrides its stage's.</source>
            <translation>加权金额 = 金额 × 成交可能性 ÷ 100，对进行中商机求和；商机自己设定的可能性优先于阶段默认值。</translation>
        </message>
        <message>
            <source>Won ÷ (won + lost) among deals closed in the period, by count and by value.</source>
            <translation>本期结单的商机中，赢单 ÷（赢单 + 输单），分别按数量和金额计。</translation>
        </message>
        <message>
            <source>Won ÷ all deals created in the period (the period's cohort).</source>
            <translation>赢单数 ÷ 本期创建的全部商机（本期同批商机）。</translation>
        </message>
        <message>
            <source>reached(next stage) ÷ reached(stage) among deals created in the period. A deal reached a stage if it was ever in it or a later open stage, or was won; strict mode counts only stages actually visited.</source>
            <translation>本期创建的商机中，到达下一阶段数 ÷ 到达本阶段数。商机曾处于该阶段或其后的进行中阶段，或已赢单，即算到达；严格模式只统计实际经过的阶段。</translation>
        </message>
        <message>
            <source>Mean (and median) amount of deals won in the period.</source>
            <translation>本期赢单商机金额的平均值（及中位数）。</translation>
        </message>
        <message>
            <source>Mean (and median) days from creation to won, for deals won in the period.</source>
            <translation>本期赢单的商机从创建到赢单天数的平均值（及中位数）。</translation>
        </message>
        <message>
            <source>Days in each stage, summed over re-entries, per deal that entered it in the period (a stay not yet ended counts up to the as-of date).</source>
            <translation>本期进入各阶段的商机在该阶段停留的天数，多次进入则累加（尚未离开的算到统计截止日）。</translation>
        </message>
        <message>
            <source>Open deals × win rate × average deal size ÷ average cycle days (money per day).</source>
            <translation>进行中商机数 × 赢单率 × 平均成交金额 ÷ 平均销售周期天数（每天的金额）。</translation>
        </message>
        <message>
            <source>Open pipeline value (and weighted value) ÷ what is still missing to the target (target − won so far).</source>
            <translation>进行中的漏斗金额（及加权金额）÷ 距目标尚差的金额（目标 − 已赢单）。</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>No Chinese font was found: Chinese text may show as boxes. Install one (e.g. WenQuanYi Micro Hei).</source>
            <translation>未找到中文字体：中文可能显示为方框。请安装一种中文字体（例如文泉驿微米黑）。</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>恢复</translation>
        </message>
    </context>
    <context>
        <name>AppContext</name>
        <message>
            <source>Only an admin may delete.</source>
            <translation>只有管理员可以删除。</translation>
        </message>
        <message>
            <source>Only an admin may import.</source>
            <translation>只有管理员可以导入。</translation>
        </message>
        <message>
            <source>Only an admin may change pipelines.</source>
            <translation>只有管理员可以修改销售漏斗。</translation>
        </message>
        <message>
            <source>Only an admin may change the kept lists.</source>
            <translation>只有管理员可以修改常用列表。</translation>
        </message>
        <message>
            <source>Only an admin may change the settings.</source>
            <translation>只有管理员可以修改设置。</translation>
        </message>
        <message>
            <source>Only an admin or a manager may set targets.</source>
            <translation>只有管理员或经理可以设置目标。</translation>
        </message>
        <message>
            <source>Your role may not do this.</source>
            <translation>你的角色无权这样做。</translation>
        </message>
        <message>
            <source>Funnel Desktop</source>
            <translation>销售漏斗管家</translation>
        </message>
    </context>
    <context>
        <name>Argparse</name>
        <message>
            <source>usage: </source>
            <translation>用法：</translation>
        </message>
        <message>
            <source>positional arguments</source>
            <translation>位置参数</translation>
        </message>
        <message>
            <source>options</source>
            <translation>选项</translation>
        </message>
        <message>
            <source>show this help message and exit</source>
            <translation>显示此帮助并退出</translation>
        </message>
        <message>
            <source>the following arguments are required: %s</source>
            <translation>缺少必需的参数：%s</translation>
        </message>
        <message>
            <source>argument %(argument_name)s: %(message)s</source>
            <translation>参数 %(argument_name)s：%(message)s</translation>
        </message>
        <message>
            <source>invalid choice: %(value)r (choose from %(choices)s)</source>
            <translation>无效的选择：%(value)r（可选：%(choices)s）</translation>
        </message>
        <message>
            <source>invalid %(type)s value: %(value)r</source>
            <translation>无效的值（应为 %(type)s）：%(value)r</translation>
        </message>
        <message>
            <source>unrecognized arguments: %s</source>
            <translation>无法识别的参数：%s</translation>
        </message>
        <message>
            <source>expected one argument</source>
            <translation>需要一个值</translation>
        </message>
        <message>
            <source>expected at least one argument</source>
            <translation>至少需要一个值</translation>
        </message>
        <message>
            <source>expected at most one argument</source>
            <translation>最多只能有一个值</translation>
        </message>
        <message>
            <source>expected %s argument</source>
            <translation>需要 %s 个值</translation>
        </message>
        <message>
            <source>expected %s arguments</source>
            <translation>需要 %s 个值</translation>
        </message>
        <message>
            <source>ambiguous option: %(option)s could match %(matches)s</source>
            <translation>选项不明确：%(option)s 可能是 %(matches)s</translation>
        </message>
        <message>
            <source>ignored explicit argument %r</source>
            <translation>忽略了多余的值 %r</translation>
        </message>
        <message>
            <source>not allowed with argument %s</source>
            <translation>不能与参数 %s 同时使用</translation>
        </message>
        <message>
            <source>one of the arguments %s is required</source>
            <translation>必须提供参数 %s 中的一个</translation>
        </message>
        <message>
            <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
            <translation>未知的命令 %(parser_name)r（可选：%(choices)s）</translation>
        </message>
        <message>
            <source>can't open '%(filename)s': %(error)s</source>
            <translation>无法打开“%(filename)s”：%(error)s</translation>
        </message>
        <message>
            <source>error</source>
            <translation>错误</translation>
        </message>
    </context>
    <context>
        <name>AsOf</name>
        <message>
            <source>As of %1 — the week so far; overdue, idle and close dates are judged on this day.</source>
            <translation>截至 %1——本周至今；逾期、停滞和预计成交日期均按这一天判断。</translation>
        </message>
        <message>
            <source>As of the end of the week, %1.</source>
            <translation>截至本周结束，%1。</translation>
        </message>
        <message>
            <source>As of the end of the week, %1. Printed %2.</source>
            <translation>截至本周结束，%1。打印于 %2。</translation>
        </message>
    </context>
    <context>
        <name>Ask</name>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>未保存的修改</translation>
        </message>
        <message>
            <source>{what} has unsaved changes. Save them?</source>
            <translation>{what}有未保存的修改，要保存吗？</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>不保存</translation>
        </message>
        <message>
            <source>Changed by someone else</source>
            <translation>已被他人修改</translation>
        </message>
        <message>
            <source>Reload theirs</source>
            <translation>载入对方的版本</translation>
        </message>
        <message>
            <source>Save mine over theirs</source>
            <translation>用我的覆盖对方的</translation>
        </message>
        <message>
            <source>Keep editing</source>
            <translation>继续编辑</translation>
        </message>
    </context>
    <context>
        <name>AssessmentRow</name>
        <message>
            <source>Good</source>
            <translation>良好</translation>
        </message>
        <message>
            <source>Poor</source>
            <translation>欠佳</translation>
        </message>
    </context>
    <context>
        <name>Board</name>
        <message>
            <source>Won</source>
            <translation>赢单</translation>
        </message>
        <message>
            <source>Drop here to mark won</source>
            <translation>拖到这里
标记为赢单</translation>
        </message>
        <message>
            <source>Lost</source>
            <translation>输单</translation>
        </message>
        <message>
            <source>Drop here to mark lost</source>
            <translation>拖到这里
标记为输单</translation>
        </message>
        <message>
            <source>There is no pipeline yet.</source>
            <translation>还没有销售漏斗。</translation>
        </message>
        <message>
            <source>1 deal</source>
            <translation>1 个商机</translation>
        </message>
        <message>
            <source>%1 deals</source>
            <translation>%1 个商机</translation>
        </message>
        <message>
            <source>%1 won
last %2 days</source>
            <translation>赢单 %1 个
近 %2 天</translation>
        </message>
        <message>
            <source>%1 lost
last %2 days</source>
            <translation>输单 %1 个
近 %2 天</translation>
        </message>
        <message>
            <source>Move deal to “%1”</source>
            <translation>将商机移到“%1”</translation>
        </message>
        <message>
            <source>Move %2 deals to “%1”</source>
            <translation>将 %2 个商机移到“%1”</translation>
        </message>
        <message>
            <source>Mark deal won</source>
            <translation>将商机标记为赢单</translation>
        </message>
        <message>
            <source>Mark %1 deals won</source>
            <translation>将 %1 个商机标记为赢单</translation>
        </message>
        <message>
            <source>Mark deal lost</source>
            <translation>将商机标记为输单</translation>
        </message>
        <message>
            <source>Mark %1 deals lost</source>
            <translation>将 %1 个商机标记为输单</translation>
        </message>
        <message>
            <source>Delete %1 with its history and activities?</source>
            <translation>删除 %1 及其历史和跟进记录？</translation>
        </message>
        <message numerus="yes">
            <source>Delete these %Ln deals with their history and activities?
%1</source>
            <translation>
                <numerusform>删除这 %Ln 个商机及其历史和跟进记录？
%1</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete deals</source>
            <translation>删除商机</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Delete deal</source>
            <translation>删除商机</translation>
        </message>
        <message>
            <source>Delete %1 deals</source>
            <translation>删除 %1 个商机</translation>
        </message>
        <message>
            <source>New deal “%1”</source>
            <translation>新建商机“%1”</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>Move to</source>
            <translation>移到</translation>
        </message>
        <message>
            <source>Mark won…</source>
            <translation>标记为赢单…</translation>
        </message>
        <message>
            <source>Mark lost…</source>
            <translation>标记为输单…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
    </context>
    <context>
        <name>Card</name>
        <message>
            <source>Save as PNG…</source>
            <translation>另存为 PNG 图片…</translation>
        </message>
        <message>
            <source>Save as SVG…</source>
            <translation>另存为 SVG 矢量图…</translation>
        </message>
        <message>
            <source>Copy the table</source>
            <translation>复制表格</translation>
        </message>
        <message>
            <source>PNG pictures (*.png)</source>
            <translation>PNG 图片 (*.png)</translation>
        </message>
        <message>
            <source>SVG drawings (*.svg)</source>
            <translation>SVG 矢量图 (*.svg)</translation>
        </message>
        <message>
            <source>Save the chart</source>
            <translation>保存图表</translation>
        </message>
        <message>
            <source>The chart could not be written to %1: %2</source>
            <translation>图表无法写入 %1：%2</translation>
        </message>
    </context>
    <context>
        <name>CardDelegate</name>
        <message>
            <source>No customer</source>
            <translation>无客户</translation>
        </message>
        <message>
            <source>Idle %1 days</source>
            <translation>停滞 %1 天</translation>
        </message>
        <message>
            <source>Close date passed</source>
            <translation>已过预计成交日</translation>
        </message>
        <message>
            <source>No next step</source>
            <translation>无下一步</translation>
        </message>
        <message>
            <source>Next step overdue</source>
            <translation>下一步已逾期</translation>
        </message>
    </context>
    <context>
        <name>ChangeBanner</name>
        <message>
            <source>Reload</source>
            <translation>重新载入</translation>
        </message>
    </context>
    <context>
        <name>ChartCard</name>
        <message>
            <source>Clear or widen the filters to see more.</source>
            <translation>清除或放宽筛选条件即可看到更多。</translation>
        </message>
    </context>
    <context>
        <name>Chip</name>
        <message>
            <source>Remove this filter</source>
            <translation>移除此筛选条件</translation>
        </message>
    </context>
    <context>
        <name>Cli</name>
        <message>
            <source>Funnel Desktop (销售漏斗管家): an offline sales-funnel manager. Without a command it opens the app.</source>
            <translation>销售漏斗管家（Funnel Desktop）：离线的销售漏斗管理工具。不带命令时打开应用程序。</translation>
        </message>
        <message>
            <source>show the program's version and exit</source>
            <translation>显示程序的版本并退出</translation>
        </message>
        <message>
            <source>database file or URL (default: your data folder)</source>
            <translation>数据库文件或网址（默认：你的数据文件夹）</translation>
        </message>
        <message>
            <source>language of the app and of the commands' output (before the command: funnel-desktop --lang zh metrics …; default: the app's language setting, else the system's)</source>
            <translation>应用程序和命令输出的语言（写在命令之前：funnel-desktop --lang zh metrics …；默认：应用程序的语言设置，未设置时按系统语言）</translation>
        </message>
        <message>
            <source>back up a database now, list its backups or restore one</source>
            <translation>立即备份数据库、列出其备份或从备份恢复</translation>
        </message>
        <message>
            <source>the SQLite database file</source>
            <translation>SQLite 数据库文件</translation>
        </message>
        <message>
            <source>where to write the backup (default: a time-stamped file in the backup folder)</source>
            <translation>备份文件的保存位置（默认：备份文件夹中带时间戳的文件）</translation>
        </message>
        <message>
            <source>backup folder (default: backups/ beside the database)</source>
            <translation>备份文件夹（默认：数据库旁的 backups/ 文件夹）</translation>
        </message>
        <message>
            <source>replace the database with this backup (checked first; the current file is kept as a before-restore backup)</source>
            <translation>用此备份替换数据库（先检查备份；当前文件另存为“恢复前”备份）</translation>
        </message>
        <message>
            <source>list this database's backups</source>
            <translation>列出此数据库的备份</translation>
        </message>
        <message>
            <source>check a database's integrity and schema version</source>
            <translation>检查数据库的完整性和结构版本</translation>
        </message>
        <message>
            <source>database file or URL</source>
            <translation>数据库文件或网址</translation>
        </message>
        <message>
            <source>print JSON (keys in English, whatever the language)</source>
            <translation>输出 JSON（无论何种语言，键名均为英文）</translation>
        </message>
        <message>
            <source>segment</source>
            <translation>细分筛选</translation>
        </message>
        <message>
            <source>pipeline name or id (default: the first)</source>
            <translation>销售漏斗名称或编号（默认：第一个）</translation>
        </message>
        <message>
            <source>salesperson (repeatable)</source>
            <translation>销售员（可重复指定）</translation>
        </message>
        <message>
            <source>team (repeatable)</source>
            <translation>团队（可重复指定）</translation>
        </message>
        <message>
            <source>region (repeatable)</source>
            <translation>区域（可重复指定）</translation>
        </message>
        <message>
            <source>lead source (repeatable)</source>
            <translation>来源渠道（可重复指定）</translation>
        </message>
        <message>
            <source>big or small projects only</source>
            <translation>只看大项目或小项目</translation>
        </message>
        <message>
            <source>new or returning customers only</source>
            <translation>只看新客户或老客户</translation>
        </message>
        <message>
            <source>customer class (repeatable)</source>
            <translation>客户分级（可重复指定）</translation>
        </message>
        <message>
            <source>deal priority (repeatable)</source>
            <translation>商机优先级（可重复指定）</translation>
        </message>
        <message>
            <source>period start, YYYY-MM-DD (default: the 12 months up to --to)</source>
            <translation>统计期开始日期，格式 YYYY-MM-DD（默认：截至 --to 的 12 个月）</translation>
        </message>
        <message>
            <source>period end, YYYY-MM-DD (default: today)</source>
            <translation>统计期结束日期，格式 YYYY-MM-DD（默认：今天）</translation>
        </message>
        <message>
            <source>treat this date as today (YYYY-MM-DD)</source>
            <translation>把此日期当作今天（YYYY-MM-DD）</translation>
        </message>
        <message>
            <source>currency of the amounts (%1); a new database keeps it</source>
            <translation>金额的币种（%1）；新数据库将按此币种保存</translation>
        </message>
        <message>
            <source>Currency of the new database %1 (%2) [%3]: </source>
            <translation>新数据库 %1 的币种（%2）[%3]：</translation>
        </message>
        <message>
            <source>note: the new database keeps amounts in %1; give --currency to choose another</source>
            <translation>说明：新数据库按 %1 保存金额；如需其他币种，请用 --currency 指定</translation>
        </message>
        <message>
            <source>create a demo business (deterministic with --seed)</source>
            <translation>创建演示业务数据（--seed 相同则结果相同）</translation>
        </message>
        <message>
            <source>random seed: the same seed makes the same business</source>
            <translation>随机种子：相同的种子生成相同的业务数据</translation>
        </message>
        <message>
            <source>names in this language (default: the language of the command line)</source>
            <translation>名称使用的语言（默认：命令行的语言）</translation>
        </message>
        <message>
            <source>how many deals (default: 300)</source>
            <translation>商机数量（默认：300）</translation>
        </message>
        <message>
            <source>the demo's today (YYYY-MM-DD)</source>
            <translation>演示数据中的“今天”（YYYY-MM-DD）</translation>
        </message>
        <message>
            <source>export deals, customers, contacts or activities</source>
            <translation>导出商机、客户、联系人或跟进记录</translation>
        </message>
        <message>
            <source>what to export (default: deals)</source>
            <translation>导出的内容（默认：deals 商机）</translation>
        </message>
        <message>
            <source>file format (default: csv)</source>
            <translation>文件格式（默认：csv）</translation>
        </message>
        <message>
            <source>start the CSV with a byte-order mark (for Excel)</source>
            <translation>在 CSV 开头写入字节顺序标记（BOM，便于 Excel 打开）</translation>
        </message>
        <message>
            <source>deals of this pipeline only (name or id)</source>
            <translation>只导出此销售漏斗的商机（名称或编号）</translation>
        </message>
        <message>
            <source>the file to write</source>
            <translation>要写入的文件</translation>
        </message>
        <message>
            <source>health findings of the pipeline (too few deals, bottlenecks, idle deals, …)</source>
            <translation>销售漏斗的病症诊断（商机太少、瓶颈阶段、停滞商机……）</translation>
        </message>
        <message>
            <source>coverage is judged against the target of this period around today (default: the current quarter)</source>
            <translation>按今天所在的这一期的目标判断覆盖倍数（默认：本季度）</translation>
        </message>
        <message>
            <source>override a threshold for this run, e.g. min_open_deals=20 (repeatable)</source>
            <translation>仅本次运行覆盖某个阈值，例如 min_open_deals=20（可重复指定）</translation>
        </message>
        <message>
            <source>judge conversion and activity from this day, YYYY-MM-DD (default: the 90 days up to --to)</source>
            <translation>转化率和跟进从这一天起统计，格式 YYYY-MM-DD（默认：截至 --to 的 90 天）</translation>
        </message>
        <message>
            <source>judge conversion and activity up to this day, YYYY-MM-DD (default: today)</source>
            <translation>转化率和跟进统计到这一天，格式 YYYY-MM-DD（默认：今天）</translation>
        </message>
        <message>
            <source>import deals, customers and contacts from CSV or XLSX</source>
            <translation>从 CSV 或 XLSX 文件导入商机、客户和联系人</translation>
        </message>
        <message>
            <source>Import a CSV or XLSX file. With --dry-run nothing is written; every problem is listed by row and column. A real import is one transaction: all rows or none.</source>
            <translation>导入 CSV 或 XLSX 文件。使用 --dry-run 时不写入任何数据，并按行和列列出每个问题。正式导入是一个事务：要么全部导入，要么一行都不导入。</translation>
        </message>
        <message>
            <source>the CSV or XLSX file</source>
            <translation>CSV 或 XLSX 文件</translation>
        </message>
        <message>
            <source>a mapping preset (JSON, saved by the import wizard or --save-mapping; the README describes it) or a built-in one: %1 (default: guessed from the file's headers and values, and printed)</source>
            <translation>映射预设（导入向导或 --save-mapping 保存的 JSON 文件，格式见 README）或内置预设：%1（默认：根据文件的列名和取值自动猜测，并打印出来）</translation>
        </message>
        <message>
            <source>write the mapping used (guessed or loaded) as a preset to edit</source>
            <translation>把所用的映射（猜测的或载入的）保存为预设文件，便于修改</translation>
        </message>
        <message>
            <source>database file or URL (created if missing)</source>
            <translation>数据库文件或网址（不存在时自动创建）</translation>
        </message>
        <message>
            <source>check every row, write nothing</source>
            <translation>检查每一行，不写入任何数据</translation>
        </message>
        <message>
            <source>pipeline name or id (default: the first; an empty database gets one from --template)</source>
            <translation>销售漏斗名称或编号（默认：第一个；空数据库按 --template 新建一个）</translation>
        </message>
        <message>
            <source>stage template for a new database: %1</source>
            <translation>新数据库使用的阶段模板：%1</translation>
        </message>
        <message>
            <source>language of the stage names and kept lists of a new database (default: the language of the command line)</source>
            <translation>新数据库中阶段名称和常用列表的语言（默认：命令行的语言）</translation>
        </message>
        <message>
            <source>CSV encoding (default: detect)</source>
            <translation>CSV 编码（默认：自动识别）</translation>
        </message>
        <message>
            <source>CSV delimiter (default: detect; 'tab' for tabs)</source>
            <translation>CSV 分隔符（默认：自动识别；制表符写 'tab'）</translation>
        </message>
        <message>
            <source>XLSX sheet (default: the first)</source>
            <translation>XLSX 工作表（默认：第一个）</translation>
        </message>
        <message>
            <source>skip rows with problems instead of refusing the whole import</source>
            <translation>跳过有问题的行，而不是拒绝整个导入</translation>
        </message>
        <message>
            <source>print the report as JSON (keys in English, whatever the language)</source>
            <translation>以 JSON 输出导入报告（无论何种语言，键名均为英文）</translation>
        </message>
        <message>
            <source>print every funnel number for a period and segment</source>
            <translation>输出某一统计期和细分的全部漏斗指标</translation>
        </message>
        <message>
            <source>the pipeline as it stood at the end of this date</source>
            <translation>按此日期结束时的漏斗状态计算</translation>
        </message>
        <message>
            <source>stage conversion counts only stages actually visited</source>
            <translation>阶段转化率只计实际经过的阶段</translation>
        </message>
        <message>
            <source>deals needed at every stage to reach a target</source>
            <translation>倒推达成目标所需的各阶段商机数</translation>
        </message>
        <message>
            <source>revenue target, e.g. 500000 or 50万</source>
            <translation>收入目标，例如 500000 或 50万</translation>
        </message>
        <message>
            <source>sum the wins needed over deal-size bands by their historical mix</source>
            <translation>按历史上各金额区间的构成分别计算所需赢单数再求和</translation>
        </message>
        <message>
            <source>use the stages' ideal conversions instead of the historical ones</source>
            <translation>使用各阶段的理想转化率，而不是历史转化率</translation>
        </message>
        <message>
            <source>write the weekly funnel report as a PDF</source>
            <translation>生成 PDF 格式的销售漏斗周报</translation>
        </message>
        <message>
            <source>ISO week, e.g. 2026-W47 (default: this week)</source>
            <translation>ISO 周次，例如 2026-W47（默认：本周）</translation>
        </message>
        <message>
            <source>only this team</source>
            <translation>只看此团队</translation>
        </message>
        <message>
            <source>only this salesperson</source>
            <translation>只看此销售员</translation>
        </message>
        <message>
            <source>language of the report (default: the global --lang)</source>
            <translation>周报的语言（默认：与全局 --lang 相同）</translation>
        </message>
        <message>
            <source>paper size (default: A4)</source>
            <translation>纸张大小（默认：A4）</translation>
        </message>
        <message>
            <source>the PDF file to write</source>
            <translation>要写入的 PDF 文件</translation>
        </message>
        <message>
            <source>set up a shared server for a team and manage who may log in</source>
            <translation>为团队设置共享服务器，并管理谁可以登录</translation>
        </message>
        <message>
            <source>create (or upgrade) the schema, the roles and the row-level security</source>
            <translation>创建（或升级）数据库结构、角色和行级安全策略</translation>
        </message>
        <message>
            <source>add a person: a login of the server, linked to a salesperson</source>
            <translation>添加一个人：服务器上的登录名，并关联到一位销售员</translation>
        </message>
        <message>
            <source>the login name</source>
            <translation>登录名</translation>
        </message>
        <message>
            <source>the team they belong to</source>
            <translation>所属团队</translation>
        </message>
        <message>
            <source>the name shown in the app (default: the login)</source>
            <translation>在程序中显示的名字（默认：登录名）</translation>
        </message>
        <message>
            <source>read the password from the first line of standard input</source>
            <translation>从标准输入的第一行读取密码</translation>
        </message>
        <message>
            <source>list the team's logins</source>
            <translation>列出团队的登录名</translation>
        </message>
        <message>
            <source>change a login's role</source>
            <translation>更改登录名的角色</translation>
        </message>
        <message>
            <source>stop a login (their deals stay, for an admin to reassign)</source>
            <translation>停用登录名（其商机保留，由管理员重新分配）</translation>
        </message>
        <message>
            <source>print each change to the database as it is committed, until interrupted</source>
            <translation>每当数据库有改动提交时就打印出来，直到被中断</translation>
        </message>
        <message>
            <source>start after this change number (default: from now on)</source>
            <translation>从这个改动编号之后开始（默认：从现在起）</translation>
        </message>
    </context>
    <context>
        <name>CliBackup</name>
        <message>
            <source>auto</source>
            <translation>自动</translation>
        </message>
        <message>
            <source>manual</source>
            <translation>手动</translation>
        </message>
        <message>
            <source>before-restore</source>
            <translation>恢复前</translation>
        </message>
        <message>
            <source>%1 (before an upgrade)</source>
            <translation>升级前（%1）</translation>
        </message>
        <message>
            <source>no backups</source>
            <translation>没有备份</translation>
        </message>
        <message>
            <source>%1: restored from %2</source>
            <translation>%1：已从 %2 恢复</translation>
        </message>
        <message>
            <source>the previous file was kept as %1</source>
            <translation>原文件已另存为 %1</translation>
        </message>
        <message>
            <source>%1: backed up to %2</source>
            <translation>%1：已备份到 %2</translation>
        </message>
    </context>
    <context>
        <name>CliCheck</name>
        <message>
            <source>pipelines</source>
            <translation>销售漏斗</translation>
        </message>
        <message>
            <source>stages</source>
            <translation>阶段</translation>
        </message>
        <message>
            <source>customers</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>contacts</source>
            <translation>联系人</translation>
        </message>
        <message>
            <source>deals</source>
            <translation>商机</translation>
        </message>
        <message>
            <source>stage changes</source>
            <translation>阶段变更</translation>
        </message>
        <message>
            <source>activities</source>
            <translation>跟进记录</translation>
        </message>
        <message>
            <source>ok</source>
            <translation>正常</translation>
        </message>
        <message>
            <source>server database: checked by the server</source>
            <translation>服务器数据库：由服务器负责检查</translation>
        </message>
        <message>
            <source>%1: schema %2 (this version: %3)</source>
            <translation>%1：结构版本 %2（本程序版本：%3）</translation>
        </message>
        <message>
            <source>integrity: %1</source>
            <translation>完整性：%1</translation>
        </message>
        <message>
            <source>foreign-key problems: %1</source>
            <translation>外键问题：%1</translation>
        </message>
        <message>
            <source>, </source>
            <translation>，</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1 %2</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>检查通过</translation>
        </message>
        <message>
            <source>PROBLEMS FOUND</source>
            <translation>发现问题</translation>
        </message>
    </context>
    <context>
        <name>CliDemo</name>
        <message>
            <source>%1: %2 deals (%3 open, %4 won, %5 lost), %6 customers</source>
            <translation>%1：%2 个商机（进行中 %3 个，赢单 %4 个，输单 %5 个），%6 个客户</translation>
        </message>
    </context>
    <context>
        <name>CliExport</name>
        <message>
            <source>%1: %2 deals</source>
            <translation>%1：%2 个商机</translation>
        </message>
        <message>
            <source>%1: %2 customers</source>
            <translation>%1：%2 个客户</translation>
        </message>
        <message>
            <source>%1: %2 contacts</source>
            <translation>%1：%2 个联系人</translation>
        </message>
        <message>
            <source>%1: %2 activities</source>
            <translation>%1：%2 条跟进记录</translation>
        </message>
    </context>
    <context>
        <name>CliHealth</name>
        <message>
            <source>%1  as of %4; conversion and activity over %2 – %3</source>
            <translation>%1  截至 %4；转化率和跟进按 %2 – %3 统计</translation>
        </message>
        <message>
            <source>No health findings: nothing to worry about.</source>
            <translation>没有发现问题，一切正常。</translation>
        </message>
        <message>
            <source>high</source>
            <translation>高</translation>
        </message>
        <message>
            <source>medium</source>
            <translation>中</translation>
        </message>
        <message>
            <source>low</source>
            <translation>低</translation>
        </message>
        <message>
            <source>%1 and %2 more</source>
            <translation>%1 等，另有 %2 个</translation>
        </message>
        <message>
            <source>deals: %1</source>
            <translation>商机：%1</translation>
        </message>
    </context>
    <context>
        <name>CliImport</name>
        <message numerus="yes">
            <source>Would import %Ln row(s): deals %1 created, %2 updated, %3 unchanged; customers %4 created, %5 updated; contacts %6, owners %7, teams %8, regions %9, sources %10 created; %11 skipped.</source>
            <translation>
                <numerusform>将导入 %Ln 行：商机新建 %1 个、更新 %2 个、无变化 %3 个；客户新建 %4 个、更新 %5 个；新建联系人 %6 个、负责人 %7 个、团队 %8 个、区域 %9 个、来源渠道 %10 个；跳过 %11 行。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Imported %Ln row(s): deals %1 created, %2 updated, %3 unchanged; customers %4 created, %5 updated; contacts %6, owners %7, teams %8, regions %9, sources %10 created; %11 skipped.</source>
            <translation>
                <numerusform>已导入 %Ln 行：商机新建 %1 个、更新 %2 个、无变化 %3 个；客户新建 %4 个、更新 %5 个；新建联系人 %6 个、负责人 %7 个、团队 %8 个、区域 %9 个、来源渠道 %10 个；跳过 %11 行。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln row(s) have problems and are skipped.</source>
            <translation>
                <numerusform>有 %Ln 行存在问题，已跳过。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln row(s) have problems; nothing is imported until they are fixed or skipped.</source>
            <translation>
                <numerusform>有 %Ln 行存在问题；修正或跳过这些行之前不会导入任何数据。</numerusform>
            </translation>
        </message>
        <message>
            <source>note: %1</source>
            <translation>说明：%1</translation>
        </message>
        <message>
            <source>problem: %1: %2</source>
            <translation>问题：%1：%2</translation>
        </message>
        <message>
            <source>skipped: %1: %2</source>
            <translation>已跳过：%1：%2</translation>
        </message>
        <message>
            <source>row %1, column “%2”</source>
            <translation>第 %1 行，“%2”列</translation>
        </message>
        <message>
            <source>row %1</source>
            <translation>第 %1 行</translation>
        </message>
        <message>
            <source>… and %1 more</source>
            <translation>……另有 %1 条</translation>
        </message>
        <message>
            <source>%1 rows in %2 s (%3 rows/s)</source>
            <translation>%1 行，用时 %2 秒（每秒 %3 行）</translation>
        </message>
        <message>
            <source>guessed mapping (give --save-mapping FILE to keep it and edit it):</source>
            <translation>猜测的映射（用 --save-mapping 文件 保存后即可修改）：</translation>
        </message>
        <message>
            <source>%1 → %2 (%3)</source>
            <translation>%1 → %2（%3）</translation>
        </message>
        <message>
            <source>%1 → not imported</source>
            <translation>%1 → 不导入</translation>
        </message>
        <message>
            <source>amounts are in 万 (ten thousands)</source>
            <translation>金额以“万”为单位</translation>
        </message>
        <message>
            <source>stage “%1” → %2</source>
            <translation>阶段“%1” → %2</translation>
        </message>
        <message>
            <source>mapping saved to %1</source>
            <translation>映射已保存到 %1</translation>
        </message>
    </context>
    <context>
        <name>CliMetrics</name>
        <message>
            <source>%1  %2 – %3  (as of %4)</source>
            <translation>%1  %2 – %3（截至 %4）</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>阶段</translation>
        </message>
        <message>
            <source>Prob.</source>
            <translation>可能性</translation>
        </message>
        <message>
            <source>Deals</source>
            <translation>商机数</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Weighted</source>
            <translation>加权金额</translation>
        </message>
        <message>
            <source>Open pipeline</source>
            <translation>进行中合计</translation>
        </message>
        <message>
            <source>Win rate: %1 by count (%2 won, %3 lost), %4 by value</source>
            <translation>赢单率：按数量 %1（赢单 %2 个，输单 %3 个），按金额 %4</translation>
        </message>
        <message>
            <source>Lead-to-win: %1 (%2 won of %3 created)</source>
            <translation>总体赢单率：%1（本期创建 %3 个商机，赢单 %2 个）</translation>
        </message>
        <message>
            <source>Average deal: %1 (median %2)</source>
            <translation>平均成交金额：%1（中位数 %2）</translation>
        </message>
        <message>
            <source>Sales cycle: %1 days (median %2)</source>
            <translation>销售周期：%1 天（中位数 %2 天）</translation>
        </message>
        <message>
            <source>Velocity: %1 per day</source>
            <translation>销售速度：每天 %1</translation>
        </message>
        <message>
            <source>Coverage: the open pipeline covers %1× of the %2 still missing to the target %3 (weighted %4×)</source>
            <translation>覆盖倍数：距目标 %3 尚差 %2，进行中的漏斗金额为其 %1 倍（加权 %4 倍）</translation>
        </message>
        <message>
            <source>Stage conversion (deals that reached each stage):</source>
            <translation>阶段转化率（按到达各阶段的商机计）：</translation>
        </message>
        <message>
            <source>Stage conversion (only stages actually visited):</source>
            <translation>阶段转化率（只计实际经过的阶段）：</translation>
        </message>
        <message>
            <source>%1 → %2: %3 (%4/%5)</source>
            <translation>%1 → %2：%3（%4/%5）</translation>
        </message>
        <message>
            <source>first stage → won: %1 (not the win rate)</source>
            <translation>首阶段到赢单：%1（不是赢单率）</translation>
        </message>
        <message>
            <source>Time in stage (days, mean / median):</source>
            <translation>阶段停留时间（天，平均 / 中位数）：</translation>
        </message>
        <message>
            <source>Forecast by month (weighted open · won):</source>
            <translation>按月预测（进行中加权金额 · 赢单金额）：</translation>
        </message>
        <message>
            <source>overdue</source>
            <translation>已逾期</translation>
        </message>
        <message>
            <source>no date</source>
            <translation>无日期</translation>
        </message>
        <message>
            <source>(%1 deals)</source>
            <translation>（%1 个商机）</translation>
        </message>
    </context>
    <context>
        <name>CliPlan</name>
        <message>
            <source>Target %1 · average won deal %2 (history %3 – %4)</source>
            <translation>目标 %1 · 平均成交金额 %2（历史数据 %3 – %4）</translation>
        </message>
        <message>
            <source>Wins needed: %1</source>
            <translation>所需赢单数：%1</translation>
        </message>
        <message>
            <source>%1 – %2: %3 (history: %4 won)</source>
            <translation>%1 – %2：%3（历史赢单 %4 个）</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>阶段</translation>
        </message>
        <message>
            <source>Conv.</source>
            <translation>转化率</translation>
        </message>
        <message>
            <source>Needed</source>
            <translation>所需</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>进行中</translation>
        </message>
        <message>
            <source>Short</source>
            <translation>缺口</translation>
        </message>
        <message>
            <source>No deal has passed “%1” yet: the plan stops there.</source>
            <translation>还没有商机通过“%1”阶段：倒推到此为止。</translation>
        </message>
    </context>
    <context>
        <name>CliReport</name>
        <message>
            <source>no Chinese font is installed; Chinese text would print as boxes. Install one (e.g. fonts-wqy-microhei).</source>
            <translation>未安装中文字体，中文会显示为方框。请安装一种中文字体（例如 fonts-wqy-microhei）。</translation>
        </message>
        <message>
            <source>%1: %2 pages, week %3</source>
            <translation>%1：共 %2 页，周次 %3</translation>
        </message>
    </context>
    <context>
        <name>CliTeam</name>
        <message>
            <source>team mode is set up: roles %1, %2 and %3</source>
            <translation>团队模式已设置好：角色 %1、%2 和 %3</translation>
        </message>
        <message>
            <source>%1 can log in as %2</source>
            <translation>%1 可以用 %2 身份登录</translation>
        </message>
        <message>
            <source>%1 is now %2</source>
            <translation>%1 现在是 %2</translation>
        </message>
        <message>
            <source>%1 can no longer log in; their deals stay</source>
            <translation>%1 已不能登录；其商机保留</translation>
        </message>
        <message>
            <source>disabled</source>
            <translation>已停用</translation>
        </message>
    </context>
    <context>
        <name>CliWatch</name>
        <message>
            <source>deals %1</source>
            <translation>商机 %1</translation>
        </message>
    </context>
    <context>
        <name>ColumnHeader</name>
        <message>
            <source>Default win probability of this stage</source>
            <translation>本阶段默认的成交可能性</translation>
        </message>
        <message>
            <source>%1  ·  %2</source>
            <translation>%1  ·  %2</translation>
        </message>
        <message>
            <source>Weighted %1</source>
            <translation>加权 %1</translation>
        </message>
    </context>
    <context>
        <name>CompareModel</name>
        <message>
            <source>Difference</source>
            <translation>差异</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>指标</translation>
        </message>
        <message>
            <source>%1 pts</source>
            <translation>%1 个百分点</translation>
        </message>
    </context>
    <context>
        <name>ContactsModel</name>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>职务</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Attitude</source>
            <translation>态度</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>邮箱</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>Something went wrong</source>
            <translation>出错了</translation>
        </message>
        <message>
            <source>You can go on working. If it happens again, copy the details and send them to whoever helps you with the program; they are also in the log.</source>
            <translation>您可以继续工作。如果再次出现，请复制详细信息，发给为您维护本程序的人；这些信息也已写入日志。</translation>
        </message>
        <message>
            <source>&amp;Copy details</source>
            <translation>复制详细信息(&amp;C)</translation>
        </message>
        <message>
            <source>Open &amp;log folder</source>
            <translation>打开日志文件夹(&amp;L)</translation>
        </message>
        <message>
            <source>Something went wrong. Your last change was saved.</source>
            <translation>出错了。您最近的一次修改已保存。</translation>
        </message>
        <message>
            <source>Something went wrong. Your last change was not saved.</source>
            <translation>出错了。您最近的一次修改没有保存。</translation>
        </message>
        <message>
            <source>Something went wrong. Nothing had been changed yet.</source>
            <translation>出错了。此前还没有做过任何修改。</translation>
        </message>
        <message>
            <source>%1 errors so far; the details of each are below.</source>
            <translation>到目前为止共出错 %1 次，每次的详细信息见下方。</translation>
        </message>
    </context>
    <context>
        <name>Currency</name>
        <message>
            <source>Chinese yuan</source>
            <translation>人民币</translation>
        </message>
        <message>
            <source>US dollar</source>
            <translation>美元</translation>
        </message>
        <message>
            <source>Euro</source>
            <translation>欧元</translation>
        </message>
        <message>
            <source>British pound</source>
            <translation>英镑</translation>
        </message>
        <message>
            <source>Hong Kong dollar</source>
            <translation>港币</translation>
        </message>
        <message>
            <source>Japanese yen</source>
            <translation>日元</translation>
        </message>
        <message>
            <source>New Taiwan dollar</source>
            <translation>新台币</translation>
        </message>
        <message>
            <source>Singapore dollar</source>
            <translation>新加坡元</translation>
        </message>
        <message>
            <source>%1 (%2, %3)</source>
            <translation>%1（%2，%3）</translation>
        </message>
    </context>
    <context>
        <name>CustomerForm</name>
        <message>
            <source>Show the customer as saved now (your unsaved changes are dropped)</source>
            <translation>显示客户当前保存的内容（放弃你未保存的修改）</translation>
        </message>
        <message>
            <source>Profile</source>
            <translation>客户档案</translation>
        </message>
        <message>
            <source>Company name</source>
            <translation>公司名称</translation>
        </message>
        <message>
            <source>Required</source>
            <translation>必填</translation>
        </message>
        <message>
            <source>Contact person</source>
            <translation>联系人</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>邮箱</translation>
        </message>
        <message>
            <source>WeChat / IM</source>
            <translation>微信 / 即时通讯</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>Industry</source>
            <translation>行业</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>区域</translation>
        </message>
        <message>
            <source>Scale</source>
            <translation>规模</translation>
        </message>
        <message>
            <source>e.g. 50–200 people</source>
            <translation>例如 50–200 人</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源渠道</translation>
        </message>
        <message>
            <source>Purchase intent</source>
            <translation>购买意向</translation>
        </message>
        <message>
            <source>Budget</source>
            <translation>预算</translation>
        </message>
        <message>
            <source>e.g. 200,000 or 20万</source>
            <translation>例如 200,000 或 20万</translation>
        </message>
        <message>
            <source>Customer type</source>
            <translation>客户类型</translation>
        </message>
        <message>
            <source>Needs</source>
            <translation>需求</translation>
        </message>
        <message>
            <source>What they want to achieve</source>
            <translation>客户想达成的目标</translation>
        </message>
        <message>
            <source>Pain points</source>
            <translation>痛点</translation>
        </message>
        <message>
            <source>What hurts today</source>
            <translation>客户目前的困扰</translation>
        </message>
        <message>
            <source>Credit notes</source>
            <translation>信用情况</translation>
        </message>
        <message>
            <source>Payment record, terms</source>
            <translation>付款记录、账期</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Qualification</source>
            <translation>客户资格（MAN）</translation>
        </message>
        <message>
            <source>Money (can pay)</source>
            <translation>资金（付得起）</translation>
        </message>
        <message>
            <source>Authority (can decide)</source>
            <translation>决策权（能拍板）</translation>
        </message>
        <message>
            <source>Need</source>
            <translation>需求</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>分级</translation>
        </message>
        <message>
            <source>Automatic</source>
            <translation>自动</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>优先级</translation>
        </message>
        <message>
            <source>Decision chain</source>
            <translation>决策链</translation>
        </message>
        <message>
            <source>Add contact</source>
            <translation>添加联系人</translation>
        </message>
        <message>
            <source>Remove contact</source>
            <translation>移除联系人</translation>
        </message>
        <message>
            <source>Account assessment</source>
            <translation>客户评估</translation>
        </message>
        <message>
            <source>Deals</source>
            <translation>商机</translation>
        </message>
        <message>
            <source>Deal</source>
            <translation>商机</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>阶段</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Expected close</source>
            <translation>预计成交</translation>
        </message>
        <message>
            <source>Delete customer…</source>
            <translation>删除客户…</translation>
        </message>
        <message>
            <source>Revert</source>
            <translation>还原</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>— none —</source>
            <translation>— 无 —</translation>
        </message>
        <message>
            <source>— unknown —</source>
            <translation>— 未知 —</translation>
        </message>
        <message>
            <source>Won</source>
            <translation>赢单</translation>
        </message>
        <message>
            <source>Lost</source>
            <translation>输单</translation>
        </message>
        <message>
            <source>Returning (has won before)</source>
            <translation>老客户（曾成交）</translation>
        </message>
        <message>
            <source>New (no won deal yet)</source>
            <translation>新客户（尚未成交）</translation>
        </message>
        <message>
            <source>New customer</source>
            <translation>新客户</translation>
        </message>
        <message>
            <source>unsaved changes</source>
            <translation>有未保存的修改</translation>
        </message>
        <message>
            <source>(set by hand; the open deals give “%1”)</source>
            <translation>（手动设定；按进行中商机应为“%1”）</translation>
        </message>
        <message>
            <source>(derived from the open deals)</source>
            <translation>（由进行中商机推算）</translation>
        </message>
        <message>
            <source>%1 good · %2 poor · %3 not assessed</source>
            <translation>良好 %1 项 · 欠佳 %2 项 · 未评估 %3 项</translation>
        </message>
        <message>
            <source>Save customer “%1”</source>
            <translation>保存客户“%1”</translation>
        </message>
        <message>
            <source>%1 changed %2 of this customer at %3 while you were editing it. Reload theirs, save yours over theirs, or keep editing.</source>
            <translation>你编辑期间，%1 在 %3 修改了这个客户的%2。可以载入对方的版本、用你的覆盖对方的，或继续编辑。</translation>
        </message>
        <message>
            <source>Delete customer</source>
            <translation>删除客户</translation>
        </message>
        <message>
            <source>Delete “%1”? Its deals stay, without a customer.</source>
            <translation>删除“%1”吗？其商机会保留，但不再关联客户。</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Delete customer “%1”</source>
            <translation>删除客户“%1”</translation>
        </message>
        <message>
            <source>This customer</source>
            <translation>此客户</translation>
        </message>
        <message>
            <source>%1 changed this customer at %2 while you were editing. Saving keeps their changes to the fields you did not touch; where you both changed a field you choose.</source>
            <translation>你编辑期间，%1 在 %2 修改了这个客户。保存时会保留对方对你没改动的字段的修改；双方都改了的字段由你决定。</translation>
        </message>
        <message>
            <source>Someone</source>
            <translation>有人</translation>
        </message>
    </context>
    <context>
        <name>CustomerListModel</name>
        <message>
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Industry</source>
            <translation>行业</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>区域</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>分级</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>优先级</translation>
        </message>
        <message>
            <source>Deals</source>
            <translation>商机数</translation>
        </message>
        <message>
            <source>Open value</source>
            <translation>进行中金额</translation>
        </message>
        <message>
            <source>Open deals of the customer, in every pipeline</source>
            <translation>该客户在所有销售漏斗中的进行中商机</translation>
        </message>
    </context>
    <context>
        <name>CustomersPage</name>
        <message>
            <source>Search customers</source>
            <translation>搜索客户</translation>
        </message>
        <message>
            <source>Search name, contact, phone, email, industry…</source>
            <translation>搜索名称、联系人、电话、邮箱、行业…</translation>
        </message>
        <message>
            <source>New customer</source>
            <translation>新建客户</translation>
        </message>
        <message>
            <source>1 customer</source>
            <translation>1 个客户</translation>
        </message>
        <message>
            <source>%1 customers</source>
            <translation>%1 个客户</translation>
        </message>
    </context>
    <context>
        <name>CycleChart</name>
        <message>
            <source>Sales cycle and time in stage</source>
            <translation>销售周期与阶段停留时间</translation>
        </message>
        <message>
            <source>mean days to won</source>
            <translation>平均赢单天数</translation>
        </message>
        <message>
            <source>median</source>
            <translation>中位数</translation>
        </message>
        <message>
            <source>mean days in stage</source>
            <translation>平均停留天数</translation>
        </message>
        <message>
            <source>median days in stage</source>
            <translation>停留天数中位数</translation>
        </message>
        <message>
            <source>Days from creation to won</source>
            <translation>从创建到赢单的天数</translation>
        </message>
        <message>
            <source>Days in each stage</source>
            <translation>各阶段停留天数</translation>
        </message>
        <message>
            <source>%1 days · %2 deals</source>
            <translation>%1 天 · %2 个商机</translation>
        </message>
        <message>
            <source>Cycle: mean %1 days, median %2 (%3 won)</source>
            <translation>销售周期：平均 %1 天，中位数 %2 天（赢单 %3 个）</translation>
        </message>
        <message>
            <source>Left: deals won %1 by the month they were won. Right and above: the period %2 (time in stage: deals that entered each stage in it).</source>
            <translation>左：%1 赢单的商机，按赢单月份统计。右侧及上方：%2 期间（阶段停留时间：本期进入各阶段的商机）。</translation>
        </message>
        <message>
            <source>No deal was won in %1 and none entered a stage in the period, so there is no cycle or time in stage to draw.</source>
            <translation>%1 没有赢单的商机，期间内也没有商机进入任何阶段，因此没有可绘制的销售周期或阶段停留时间。</translation>
        </message>
        <message>
            <source>No deal that matches the filters was won in %1 or entered a stage in the period.</source>
            <translation>%1 没有符合筛选条件的商机赢单，期间内也没有此类商机进入任何阶段。</translation>
        </message>
        <message>
            <source>%1: %2 won, mean %3 days, median %4</source>
            <translation>%1：赢单 %2 个，平均 %3 天，中位数 %4 天</translation>
        </message>
        <message>
            <source>%1: %2 deals, mean %3 days, median %4</source>
            <translation>%1：%2 个商机，平均 %3 天，中位数 %4 天</translation>
        </message>
        <message>
            <source>Month or stage</source>
            <translation>月份或阶段</translation>
        </message>
        <message>
            <source>Deals</source>
            <translation>商机数</translation>
        </message>
        <message>
            <source>Mean days</source>
            <translation>平均天数</translation>
        </message>
        <message>
            <source>Median days</source>
            <translation>天数中位数</translation>
        </message>
    </context>
    <context>
        <name>DatabaseSession</name>
        <message>
            <source>New database</source>
            <translation>新建数据库</translation>
        </message>
        <message>
            <source>Funnel databases (*.sqlite *.db)</source>
            <translation>漏斗数据库 (*.sqlite *.db)</translation>
        </message>
        <message>
            <source>%1 already exists. Choose another name, or open it.</source>
            <translation>%1 已存在。请换一个名称，或直接打开它。</translation>
        </message>
        <message>
            <source>Open database</source>
            <translation>打开数据库</translation>
        </message>
        <message>
            <source>Funnel databases (*.sqlite *.db);;All files (*)</source>
            <translation>漏斗数据库 (*.sqlite *.db);;所有文件 (*)</translation>
        </message>
        <message>
            <source>(none yet)</source>
            <translation>（暂无）</translation>
        </message>
        <message>
            <source>Clear the list</source>
            <translation>清空列表</translation>
        </message>
        <message>
            <source>Save a copy</source>
            <translation>另存副本</translation>
        </message>
        <message>
            <source>Only a database file can be copied; a server database is backed up on the server.</source>
            <translation>只能复制数据库文件；服务器数据库请在服务器上备份。</translation>
        </message>
        <message>
            <source>Choose another file than the open database.</source>
            <translation>请选择当前打开的数据库以外的文件。</translation>
        </message>
        <message>
            <source>The copy could not be written: %1</source>
            <translation>无法写入副本：%1</translation>
        </message>
        <message>
            <source>Saved a copy to %1</source>
            <translation>已将副本保存到 %1</translation>
        </message>
        <message>
            <source>Only a database file can be backed up here; a server database is backed up on the server.</source>
            <translation>这里只能备份数据库文件；服务器数据库请在服务器上备份。</translation>
        </message>
        <message>
            <source>Back up now</source>
            <translation>立即备份</translation>
        </message>
        <message>
            <source>Backed up to %1</source>
            <translation>已备份到 %1</translation>
        </message>
        <message>
            <source>Restore from a backup</source>
            <translation>从备份恢复</translation>
        </message>
        <message>
            <source>Replace the open database with %1? A copy of the current database is kept in the backups folder first.</source>
            <translation>用 %1 替换当前打开的数据库吗？替换前会先在备份文件夹中保留当前数据库的副本。</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>恢复</translation>
        </message>
    </context>
    <context>
        <name>DateField</name>
        <message>
            <source>YYYY-MM-DD</source>
            <translation>年-月-日</translation>
        </message>
        <message>
            <source>Type a date as %1, or pick one</source>
            <translation>按 %1 的格式输入日期，或从日历中选择</translation>
        </message>
        <message>
            <source>Pick a date</source>
            <translation>选择日期</translation>
        </message>
        <message>
            <source>Not a date yet: type it as %1</source>
            <translation>还不是日期：请按 %1 的格式输入</translation>
        </message>
    </context>
    <context>
        <name>DbProblemDialog</name>
        <message>
            <source>Restore the selected backup</source>
            <translation>恢复所选备份</translation>
        </message>
        <message>
            <source>Open another file…</source>
            <translation>打开其他文件…</translation>
        </message>
        <message>
            <source>Open read-only</source>
            <translation>以只读方式打开</translation>
        </message>
        <message>
            <source>Try again</source>
            <translation>重试</translation>
        </message>
        <message>
            <source>Create a new database</source>
            <translation>新建数据库</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>automatic</source>
            <translation>自动</translation>
        </message>
        <message>
            <source>made by hand</source>
            <translation>手动</translation>
        </message>
        <message>
            <source>before a restore</source>
            <translation>恢复前</translation>
        </message>
        <message>
            <source>before an upgrade</source>
            <translation>升级前</translation>
        </message>
        <message>
            <source>%1 · %2 · %3</source>
            <translation>%1 · %2 · %3</translation>
        </message>
        <message>
            <source>The database cannot be opened</source>
            <translation>无法打开数据库</translation>
        </message>
        <message>
            <source>Backups of this database, newest first:</source>
            <translation>此数据库的备份（最新的在前）：</translation>
        </message>
        <message>
            <source>Open a database</source>
            <translation>打开数据库</translation>
        </message>
        <message>
            <source>Funnel Desktop databases (*.sqlite *.db);;All files (*)</source>
            <translation>销售漏斗管家数据库 (*.sqlite *.db);;所有文件 (*)</translation>
        </message>
    </context>
    <context>
        <name>DealEditor</name>
        <message>
            <source>Deal</source>
            <translation>商机</translation>
        </message>
        <message>
            <source>New deal</source>
            <translation>新建商机</translation>
        </message>
        <message>
            <source>Deal title</source>
            <translation>商机名称</translation>
        </message>
        <message>
            <source>Probability</source>
            <translation>成交可能性</translation>
        </message>
        <message>
            <source>Show the deal as it is saved now (your unsaved changes are dropped)</source>
            <translation>显示商机当前保存的内容（放弃你未保存的修改）</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>阶段</translation>
        </message>
        <message>
            <source>Type to find a customer, or a new name</source>
            <translation>输入以查找客户，或输入新客户名称</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>e.g. 12,500 or 12.5万</source>
            <translation>例如 12,500 或 12.5万</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Expected close</source>
            <translation>预计成交日期</translation>
        </message>
        <message>
            <source>— nobody —</source>
            <translation>— 未指定 —</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>负责人</translation>
        </message>
        <message>
            <source>— unknown —</source>
            <translation>— 未知 —</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源渠道</translation>
        </message>
        <message>
            <source>Project type</source>
            <translation>项目类型</translation>
        </message>
        <message>
            <source>The next agreed action</source>
            <translation>与客户约定的下一步行动</translation>
        </message>
        <message>
            <source>Next step</source>
            <translation>下一步</translation>
        </message>
        <message>
            <source>Next step due</source>
            <translation>下一步截止日期</translation>
        </message>
        <message>
            <source>Why it was won or lost (for closed deals)</source>
            <translation>赢单或输单的原因（已结单的商机）</translation>
        </message>
        <message>
            <source>Close note</source>
            <translation>结单备注</translation>
        </message>
        <message>
            <source>Delete deal…</source>
            <translation>删除商机…</translation>
        </message>
        <message>
            <source>Checklist</source>
            <translation>推进清单</translation>
        </message>
        <message>
            <source>What happened or what to do</source>
            <translation>发生了什么，或要做什么</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>截止</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>Log activity</source>
            <translation>记录跟进</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>跟进记录</translation>
        </message>
        <message>
            <source>Entered</source>
            <translation>进入</translation>
        </message>
        <message>
            <source>Left</source>
            <translation>离开</translation>
        </message>
        <message>
            <source>Days</source>
            <translation>天数</translation>
        </message>
        <message>
            <source>Changes</source>
            <translation>变更</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <source>Old → new</source>
            <translation>原值 → 新值</translation>
        </message>
        <message>
            <source>History</source>
            <translation>历史</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>进行中</translation>
        </message>
        <message>
            <source>Won</source>
            <translation>赢单</translation>
        </message>
        <message>
            <source>Lost</source>
            <translation>输单</translation>
        </message>
        <message>
            <source>Use stage default (%1%)</source>
            <translation>使用阶段默认值（%1%）</translation>
        </message>
        <message>
            <source>This stage has no advancement questions.</source>
            <translation>此阶段没有推进问题。</translation>
        </message>
        <message>
            <source>Before moving on from “%1”: %2 of %3 answered.</source>
            <translation>离开“%1”前：已回答 %2 / %3 个问题。</translation>
        </message>
        <message>
            <source>due %1</source>
            <translation>%1 截止</translation>
        </message>
        <message>
            <source>done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>Activities (%1)</source>
            <translation>跟进记录（%1）</translation>
        </message>
        <message>
            <source>now</source>
            <translation>至今</translation>
        </message>
        <message>
            <source>%1: %2 d</source>
            <translation>%1：%2 天</translation>
        </message>
        <message>
            <source>Days in each stage — %1</source>
            <translation>各阶段停留天数 — %1</translation>
        </message>
        <message>
            <source>A new customer “%1” will be created.</source>
            <translation>将新建客户“%1”。</translation>
        </message>
        <message>
            <source>New deal “%1”</source>
            <translation>新建商机“%1”</translation>
        </message>
        <message>
            <source>Edit deal “%1”</source>
            <translation>编辑商机“%1”</translation>
        </message>
        <message>
            <source>New customer “%1”</source>
            <translation>新建客户“%1”</translation>
        </message>
        <message>
            <source>Saved. Changes made meanwhile by %1 were kept.</source>
            <translation>已保存。期间 %1 所做的修改都保留了。</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>%1 (now %2)</source>
            <translation>%1（现为 %2）</translation>
        </message>
        <message>
            <source>%1 changed %2 of this deal at %3 while you were editing it. Reload theirs, save yours over theirs, or keep editing.</source>
            <translation>你编辑期间，%1 在 %3 修改了这个商机的%2。可以载入对方的版本、用你的覆盖对方的，或继续编辑。</translation>
        </message>
        <message>
            <source>This deal</source>
            <translation>此商机</translation>
        </message>
        <message>
            <source>Delete deal</source>
            <translation>删除商机</translation>
        </message>
        <message>
            <source>Delete %1 with its history and activities?</source>
            <translation>删除 %1 及其历史和跟进记录？</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Log %1</source>
            <translation>记录跟进：%1</translation>
        </message>
        <message>
            <source>Mark activity done</source>
            <translation>将跟进标记为已完成</translation>
        </message>
        <message>
            <source>Mark activity not done</source>
            <translation>将跟进标记为未完成</translation>
        </message>
        <message>
            <source>%1 deleted this deal at %2.</source>
            <translation>%1 在 %2 删除了这个商机。</translation>
        </message>
        <message>
            <source>Someone</source>
            <translation>有人</translation>
        </message>
        <message>
            <source>Updated: %1 changed this deal at %2.</source>
            <translation>已更新：%1 在 %2 修改了这个商机。</translation>
        </message>
        <message>
            <source>%1 changed this deal at %2 while you were editing. Saving keeps their changes to the fields you did not touch; where you both changed a field you choose.</source>
            <translation>你编辑期间，%1 在 %2 修改了这个商机。保存时会保留对方对你没改动的字段的修改；双方都改了的字段由你决定。</translation>
        </message>
    </context>
    <context>
        <name>DealWords</name>
        <message>
            <source>“%1” (%2)</source>
            <translation>“%1”（%2）</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>“%1”</source>
            <translation>“%1”</translation>
        </message>
        <message numerus="yes">
            <source>%1 and %Ln more</source>
            <translation>
                <numerusform>%1 等另外 %Ln 个</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 (%2 in all)</source>
            <translation>%1（合计 %2）</translation>
        </message>
    </context>
    <context>
        <name>EditorButtons</name>
        <message>
            <source>&amp;Save changes</source>
            <translation>保存修改(&amp;S)</translation>
        </message>
        <message>
            <source>Re&amp;vert</source>
            <translation>还原(&amp;V)</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>Deals</source>
            <translation>商机</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Contacts</source>
            <translation>联系人</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>跟进记录</translation>
        </message>
        <message>
            <source>CSV (UTF-8)</source>
            <translation>CSV 文件（UTF-8）</translation>
        </message>
        <message>
            <source>Excel workbook (.xlsx)</source>
            <translation>Excel 工作簿（.xlsx）</translation>
        </message>
        <message>
            <source>Add a byte-order mark so Excel reads the CSV as UTF-8</source>
            <translation>添加字节顺序标记（BOM），让 Excel 按 UTF-8 读取 CSV</translation>
        </message>
        <message>
            <source>All pipelines</source>
            <translation>所有销售漏斗</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Export:</source>
            <translation>导出内容：</translation>
        </message>
        <message>
            <source>Pipeline:</source>
            <translation>销售漏斗：</translation>
        </message>
        <message>
            <source>Format:</source>
            <translation>格式：</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>文件：</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Export to</source>
            <translation>导出到</translation>
        </message>
        <message numerus="yes">
            <source>Exported %Ln row(s) to %1</source>
            <translation>
                <numerusform>已导出 %Ln 行到 %1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <source>Search deals and customers</source>
            <translation>搜索商机和客户</translation>
        </message>
        <message>
            <source>Search deals and customers…</source>
            <translation>搜索商机和客户…</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>负责人</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>团队</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>区域</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>分级</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>优先级</translation>
        </message>
        <message>
            <source>Expected close</source>
            <translation>预计成交</translation>
        </message>
        <message>
            <source>Clear all</source>
            <translation>全部清除</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>本月</translation>
        </message>
        <message>
            <source>Next month</source>
            <translation>下月</translation>
        </message>
        <message>
            <source>This quarter</source>
            <translation>本季度</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>已逾期</translation>
        </message>
        <message>
            <source>Any</source>
            <translation>不限</translation>
        </message>
        <message>
            <source>Custom…</source>
            <translation>自定义…</translation>
        </message>
    </context>
    <context>
        <name>ForecastPanel</name>
        <message>
            <source>Forecast by month</source>
            <translation>按月预测</translation>
        </message>
        <message>
            <source>won</source>
            <translation>已赢单</translation>
        </message>
        <message>
            <source>weighted open</source>
            <translation>进行中（加权）</translation>
        </message>
        <message>
            <source>overdue (weighted)</source>
            <translation>已逾期（加权）</translation>
        </message>
        <message>
            <source>target</source>
            <translation>目标</translation>
        </message>
        <message>
            <source>simulated P10–P90 with P50</source>
            <translation>模拟区间 P10–P90 及 P50</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>已逾期</translation>
        </message>
        <message>
            <source>Nothing to forecast: no deal is open and none was won in %1.</source>
            <translation>没有可预测的内容：没有进行中的商机，%1 也没有赢单。</translation>
        </message>
        <message>
            <source>Nothing to forecast: no deal that matches the filters is open or was won in %1.</source>
            <translation>没有可预测的内容：没有符合筛选条件的进行中商机，%1 也没有此类商机赢单。</translation>
        </message>
        <message>
            <source>Won %1</source>
            <translation>赢单 %1</translation>
        </message>
        <message>
            <source>weighted open %1</source>
            <translation>进行中加权 %1</translation>
        </message>
        <message>
            <source>open deals bring %1 (P50), 8 in 10 runs between %2 and %3</source>
            <translation>进行中商机可带来 %1（P50），10 次模拟中有 8 次在 %2 到 %3 之间</translation>
        </message>
        <message>
            <source>As of %1; months %2 to %3. Won: in the period %4.</source>
            <translation>截至 %1；%2 至 %3 各月。赢单：%4 期间。</translation>
        </message>
        <message>
            <source>Overdue: %1 open deals (%2, weighted %3) whose expected close date has passed.</source>
            <translation>已逾期：%1 个进行中商机（%2，加权 %3）已过预计成交日期。</translation>
        </message>
        <message>
            <source>Not shown: %1 open deals (%2, weighted %3) without an expected close date.</source>
            <translation>未显示：%1 个进行中商机（%2，加权 %3）没有预计成交日期。</translation>
        </message>
        <message>
            <source>No target is set for these months (Analytics ▸ Targets…).</source>
            <translation>这些月份还没有设定目标（分析 ▸ 目标…）。</translation>
        </message>
        <message>
            <source>Overdue: %1 deals, %2, weighted %3</source>
            <translation>已逾期：%1 个商机，%2，加权 %3</translation>
        </message>
        <message>
            <source>Won: %1 deals, %2</source>
            <translation>赢单：%1 个商机，%2</translation>
        </message>
        <message>
            <source>Open: %1 deals, %2, weighted %3</source>
            <translation>进行中：%1 个商机，%2，加权 %3</translation>
        </message>
        <message>
            <source>Target: %1</source>
            <translation>目标：%1</translation>
        </message>
        <message>
            <source>Open deals simulated: P10 %1 · P50 %2 · P90 %3</source>
            <translation>进行中商机模拟：P10 %1 · P50 %2 · P90 %3</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>月份</translation>
        </message>
        <message>
            <source>Won deals</source>
            <translation>赢单数</translation>
        </message>
        <message>
            <source>Won amount</source>
            <translation>赢单金额</translation>
        </message>
        <message>
            <source>Open deals</source>
            <translation>进行中商机</translation>
        </message>
        <message>
            <source>Open amount</source>
            <translation>进行中金额</translation>
        </message>
        <message>
            <source>Weighted</source>
            <translation>加权金额</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>目标</translation>
        </message>
        <message>
            <source>P10</source>
            <translation>P10</translation>
        </message>
        <message>
            <source>P50</source>
            <translation>P50</translation>
        </message>
        <message>
            <source>P90</source>
            <translation>P90</translation>
        </message>
        <message>
            <source>No date</source>
            <translation>无日期</translation>
        </message>
    </context>
    <context>
        <name>FunnelPanel</name>
        <message>
            <source>Funnel</source>
            <translation>漏斗</translation>
        </message>
        <message>
            <source>By count</source>
            <translation>按数量</translation>
        </message>
        <message>
            <source>By value</source>
            <translation>按金额</translation>
        </message>
        <message>
            <source>Bar length: number of deals or their amount</source>
            <translation>条形长度：商机数量或金额</translation>
        </message>
        <message>
            <source>Reached</source>
            <translation>到达</translation>
        </message>
        <message>
            <source>Now</source>
            <translation>当前</translation>
        </message>
        <message>
            <source>reached this period</source>
            <translation>本期到达</translation>
        </message>
        <message>
            <source>ideal (target conversions)</source>
            <translation>理想（目标转化率）</translation>
        </message>
        <message>
            <source>previous period</source>
            <translation>上期</translation>
        </message>
        <message>
            <source>in the stage now</source>
            <translation>当前在该阶段</translation>
        </message>
        <message>
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <source>↓ %1</source>
            <translation>↓ %1</translation>
        </message>
        <message>
            <source>ideal %1</source>
            <translation>理想 %1</translation>
        </message>
        <message>
            <source>before %1</source>
            <translation>上期 %1</translation>
        </message>
        <message>
            <source>%1 won · %2</source>
            <translation>赢单 %1 · %2</translation>
        </message>
        <message>
            <source>%1 open · %2
weighted %3</source>
            <translation>进行中 %1 · %2
加权 %3</translation>
        </message>
        <message>
            <source>No pipeline.</source>
            <translation>没有销售漏斗。</translation>
        </message>
        <message>
            <source>Lead-to-win of the period's new deals: %1 (%2 of %3 won so far)</source>
            <translation>本期新建商机的总体赢单率：%1（%3 个中已赢单 %2 个）</translation>
        </message>
        <message>
            <source>Deals created %1 (%2 deals), compared with %3. Lead-to-win: the share of them won so far — not the win rate, which is won ÷ (won + lost) of the deals closed in the period. “Now”: deals in each stage now; won: won in the period.</source>
            <translation>%1 创建的商机（%2 个），与 %3 对比。总体赢单率：其中至今已赢单的比例——不是赢单率（赢单率 = 本期结单商机中的赢单 ÷（赢单 + 输单））。“当前”：各阶段现有的商机；赢单：本期赢单。</translation>
        </message>
        <message>
            <source>No stage has a target conversion yet, so no ideal funnel is drawn (Tools ▸ Pipelines and stages).</source>
            <translation>还没有阶段设定目标转化率，因此不画理想漏斗（工具 ▸ 销售漏斗与阶段）。</translation>
        </message>
        <message>
            <source>Reached: %1 deals, %2</source>
            <translation>到达：%1 个商机，%2</translation>
        </message>
        <message>
            <source>On to the next stage: %1</source>
            <translation>进入下一阶段：%1</translation>
        </message>
        <message>
            <source>Ideal: %1</source>
            <translation>理想：%1</translation>
        </message>
        <message>
            <source>Previous period: %1 deals</source>
            <translation>上期：%1 个商机</translation>
        </message>
        <message>
            <source>Now: %1 deals, %2 (weighted %3)</source>
            <translation>当前：%1 个商机，%2（加权 %3）</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>阶段</translation>
        </message>
        <message>
            <source>Reached amount</source>
            <translation>到达金额</translation>
        </message>
        <message>
            <source>Conversion to next</source>
            <translation>到下一阶段转化率</translation>
        </message>
        <message>
            <source>Ideal conversion</source>
            <translation>理想转化率</translation>
        </message>
        <message>
            <source>Ideal reached</source>
            <translation>理想到达数</translation>
        </message>
        <message>
            <source>Previous period reached</source>
            <translation>上期到达数</translation>
        </message>
        <message>
            <source>Previous conversion</source>
            <translation>上期转化率</translation>
        </message>
        <message>
            <source>Now amount</source>
            <translation>当前金额</translation>
        </message>
        <message>
            <source>Now weighted</source>
            <translation>当前加权金额</translation>
        </message>
    </context>
    <context>
        <name>Health</name>
        <message numerus="yes">
            <source>%Ln day(s)</source>
            <translation>
                <numerusform>%Ln 天</numerusform>
            </translation>
        </message>
        <message>
            <source>Too few open deals: %1 (%2 in value), where a healthy funnel keeps at least %3 in follow-up. Fill the top of the funnel with new leads and first meetings.</source>
            <translation>进行中商机太少：仅 %1 个（金额 %2），健康的漏斗至少要有 %3 个在跟进。请用新线索和初次拜访充实漏斗顶部。</translation>
        </message>
        <message>
            <source>The open pipeline (%1) covers only %2× of the %3 still missing to the target; below %4× the target is at risk.</source>
            <translation>进行中的漏斗金额（%1）只有距目标尚差金额（%3）的 %2 倍；低于 %4 倍时目标有风险。</translation>
        </message>
        <message>
            <source>Bottleneck at “%1”: only %2 of deals move on to “%3”, against an ideal of %4%. Look at what stops them there.</source>
            <translation>瓶颈在“%1”：只有 %2 的商机进入“%3”，理想值为 %4%。请查明商机卡在这里的原因。</translation>
        </message>
        <message>
            <source>Bottleneck at “%1”: only %2 of deals move on to “%3”, while the other stages convert about %4. Look at what stops them there.</source>
            <translation>瓶颈在“%1”：只有 %2 的商机进入“%3”，而其他阶段的转化率约为 %4。请查明商机卡在这里的原因。</translation>
        </message>
        <message numerus="yes">
            <source>Expected close date already passed: %Ln open deal(s) (%1), by up to %2. Update their dates or close them.</source>
            <translation>
                <numerusform>已过预计成交日期：%Ln 个进行中商机（%1），最多已超过 %2。请更新日期或结单。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Next step overdue: %Ln deal(s) (%1), by up to %2.</source>
            <translation>
                <numerusform>下一步已逾期：%Ln 个商机（%1），最多逾期 %2。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Going stale in “%1”: %Ln deal(s) (%2) with no stage change or activity for more than %3 (the longest %4).</source>
            <translation>
                <numerusform>“%1”阶段有商机停滞：%Ln 个商机（%2）超过 %3 没有阶段变化或跟进（最长 %4）。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>No decision maker known: %Ln deal(s) (%1) from “%2” on have no decision maker on the customer's decision chain.</source>
            <translation>
                <numerusform>决策人不明：“%2”及之后阶段有 %Ln 个商机（%1），客户决策链上没有决策人。</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 of the expected value (%2) closes in %3 and the months after it are nearly empty: revenue will come in lumps.</source>
            <translation>预计金额的 %1（%2）集中在 %3 成交，之后几个月几乎是空的：收入会大起大落。</translation>
        </message>
        <message numerus="yes">
            <source>Busy but thin: %Ln activities were logged, yet only %1 of %2 open deals are beyond the first stage.</source>
            <translation>
                <numerusform>忙而不实：记录了 %Ln 次跟进，但 %2 个进行中商机里只有 %1 个越过了第一阶段。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>No next step: %Ln open deal(s) (%1) have no next step agreed with the customer.</source>
            <translation>
                <numerusform>没有下一步：%Ln 个进行中商机（%1）没有与客户约定下一步。</numerusform>
            </translation>
        </message>
        <message>
            <source>Only big deals: no open deal is below %1, so nothing in the small size bands keeps revenue steady.</source>
            <translation>只有大单：没有低于 %1 的进行中商机，缺少小额商机来稳定收入。</translation>
        </message>
    </context>
    <context>
        <name>HealthCard</name>
        <message>
            <source>Pipeline health</source>
            <translation>漏斗健康诊断</translation>
        </message>
        <message>
            <source>Every rule of pipeline health: too few open deals or too little coverage of the target, bottleneck stages, deals past their expected close date, missing or overdue next steps, idle deals, no known decision maker, lumpy months, busy but thin, only big deals. Thresholds are settings (health_thresholds).</source>
            <translation>漏斗健康的全部规则：进行中商机太少或对目标覆盖不足、瓶颈阶段、已过预计成交日期的商机、缺少或逾期的下一步、停滞商机、决策人不明、收入集中在个别月份、忙而不实、只有大单。阈值可在“设置”中调整。</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>严重程度</translation>
        </message>
        <message>
            <source>Finding</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>Deal</source>
            <translation>商机</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>负责人</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>阶段</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Expected close</source>
            <translation>预计成交日期</translation>
        </message>
        <message>
            <source>Next step due</source>
            <translation>下一步截止日期</translation>
        </message>
        <message>
            <source>Double-click a deal to open it</source>
            <translation>双击商机即可打开</translation>
        </message>
        <message>
            <source>High</source>
            <translation>高</translation>
        </message>
        <message>
            <source>Medium</source>
            <translation>中</translation>
        </message>
        <message>
            <source>Low</source>
            <translation>低</translation>
        </message>
        <message numerus="yes">
            <source>%Ln deal(s) behind it</source>
            <translation>
                <numerusform>涉及 %Ln 个商机</numerusform>
            </translation>
        </message>
        <message>
            <source>About the whole funnel, not single deals</source>
            <translation>针对整个漏斗，而非单个商机</translation>
        </message>
        <message>
            <source>No health findings: nothing to worry about.</source>
            <translation>没有发现问题，一切正常。</translation>
        </message>
        <message>
            <source>The stored health thresholds are not valid, so the defaults are used: %1</source>
            <translation>保存的健康检查阈值无效，已改用默认值：%1</translation>
        </message>
        <message>
            <source>As of %1: overdue, idle and close dates are judged on this day; conversion and activity over %2 (the last 90 days, whatever the page's period), as in the weekly report and the health command. %3 high, %4 medium, %5 low. Thresholds: at least %6 open deals, coverage %7×, idle after %8 days unless the stage says otherwise.</source>
            <translation>截至 %1：逾期、停滞和预计成交日期按这一天判断；转化率和跟进按 %2（最近 90 天，与页面所选期间无关）统计，与周报和命令行诊断一致。高 %3 项，中 %4 项，低 %5 项。阈值：至少 %6 个进行中商机，覆盖 %7 倍，%8 天无进展即为停滞（阶段另有设定的除外）。</translation>
        </message>
        <message>
            <source>The %1 largest of the %2 deals behind the chosen finding; double-click one to open it.</source>
            <translation>所选问题涉及 %2 个商机，这里列出金额最大的 %1 个；双击即可打开。</translation>
        </message>
        <message numerus="yes">
            <source>%Ln deal(s) behind the chosen finding; double-click one to open it.</source>
            <translation>
                <numerusform>所选问题涉及 %Ln 个商机；双击即可打开。</numerusform>
            </translation>
        </message>
        <message>
            <source>The chosen finding is about the whole funnel; no single deal is behind it.</source>
            <translation>所选问题针对整个漏斗，不涉及具体商机。</translation>
        </message>
        <message>
            <source>Sentence</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>Deals</source>
            <translation>商机数</translation>
        </message>
        <message>
            <source>Deal ids</source>
            <translation>商机编号</translation>
        </message>
    </context>
    <context>
        <name>HelpDialog</name>
        <message>
            <source>Funnel Desktop help</source>
            <translation>销售漏斗管家帮助</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>按键</translation>
        </message>
        <message>
            <source>&amp;Getting started</source>
            <translation>入门(&amp;G)</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>快捷键(&amp;K)</translation>
        </message>
        <message>
            <source>The board</source>
            <translation>看板</translation>
        </message>
        <message>
            <source>Each column is a stage of your sales pipeline and each card a deal, with its amount, customer and expected close. The strip above shows what is open, weighted by each stage's win chance, and the month's target. Filters and the search narrow the board; the pipeline switcher picks another pipeline.</source>
            <translation>每一列是销售漏斗的一个阶段，每张卡片是一个商机，显示金额、客户和预计成交日期。上方的统计条显示进行中的金额（按各阶段的成交可能性加权）和本月目标。筛选和搜索可缩小看板范围；销售漏斗切换框可选另一个漏斗。</translation>
        </message>
        <message>
            <source>Moving a deal</source>
            <translation>移动商机</translation>
        </message>
        <message>
            <source>Drag a card to another column, or select it and press Ctrl+Right / Ctrl+Left (Deal menu). Dropping it on Won or Lost, at the right, asks for the reason. Double-click a card to edit it; Ctrl+N adds a deal.</source>
            <translation>把卡片拖到另一列，或选中后按 Ctrl+Right / Ctrl+Left（“商机”菜单）。拖到右侧的“赢单”或“输单”时会询问原因。双击卡片可编辑；Ctrl+N 新建商机。</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>The Customers page lists every customer with its open deals; pick one to see and edit its profile, its decision chain and its deals. Its class comes from its open deals: A big and soon, B small and soon, C big but far, D small and far.</source>
            <translation>“客户”页列出每个客户及其进行中的商机；选中一个即可查看和编辑其档案、决策链和商机。客户分类由进行中的商机得出：A 金额大且临近成交，B 金额小且临近，C 金额大但较远，D 金额小且较远。</translation>
        </message>
        <message>
            <source>The analytics</source>
            <translation>分析</translation>
        </message>
        <message>
            <source>The Analytics page shows the funnel, conversion between stages, trends, why deals were won or lost, salespeople, the forecast and health findings, for a period you choose and the board's filters.</source>
            <translation>“分析”页按你选择的期间和看板的筛选条件，显示漏斗、阶段间转化、趋势、赢单和输单原因、销售人员、预测和健康诊断。</translation>
        </message>
        <message>
            <source>The weekly report</source>
            <translation>周报</translation>
        </message>
        <message>
            <source>Reports ▸ Weekly report (Ctrl+R) writes the week's new, won and lost deals, the targets and what needs attention, to print or save as a PDF.</source>
            <translation>“报表 ▸ 周报”（Ctrl+R）汇总本周新增、赢单和输单的商机、目标完成情况和需要关注的事项，可打印或保存为 PDF。</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>Every change can be undone with Edit ▸ Undo (Ctrl+Z) and redone with Ctrl+Shift+Z, until you open another database or change the language.</source>
            <translation>每次修改都可用“编辑 ▸ 撤销”（Ctrl+Z）撤销，用 Ctrl+Shift+Z 重做，直到打开另一个数据库或切换语言为止。</translation>
        </message>
        <message>
            <source>Two people, one database</source>
            <translation>多人共用一个数据库</translation>
        </message>
        <message>
            <source>Changes made in another window, on the command line or by a colleague on the same database appear on your board within a second. When someone saves a deal you have open, a banner says who and when; what you typed is kept. Save keeps their changes to the fields you did not touch; when you both changed the same field it asks: Reload theirs, Save mine over theirs or Keep editing. Undo takes back only what you did: when someone has changed the same thing since, it changes nothing and says who.</source>
            <translation>在另一个窗口、命令行中或同事在同一数据库上所做的修改，一秒内就会出现在你的看板上。有人保存了你正打开的商机时，提示条会说明是谁、在何时修改；你已输入的内容会保留。保存时，对方对你未改动字段的修改会被保留；如果你们改了同一字段，会询问你：“载入对方的版本”“用我的覆盖对方的”还是“继续编辑”。撤销只撤回你自己做的修改：如果此后有人改过同一内容，撤销不会做任何更改，并说明是谁改的。</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>备份</translation>
        </message>
        <message>
            <source>When a database that changed is opened, a copy is kept in the backups folder beside it (how many: Tools ▸ Settings). File ▸ Back up now makes one at once; File ▸ Restore from a backup puts one back, keeping a copy of the current file first.</source>
            <translation>打开有改动的数据库时，会在其旁边的 backups 文件夹里保留一份副本（保留几份：“工具 ▸ 设置”）。“文件 ▸ 立即备份”马上做一份；“文件 ▸ 从备份恢复”会先保留当前文件的副本，再恢复所选备份。</translation>
        </message>
        <message>
            <source>Getting started</source>
            <translation>入门</translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <source>the latest date in the file</source>
            <translation>文件中最晚的日期</translation>
        </message>
        <message>
            <source>the time of the import</source>
            <translation>导入时间</translation>
        </message>
        <message>
            <source>the date chosen in the mapping</source>
            <translation>映射中选定的日期</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>— not imported —</source>
            <translation>— 不导入 —</translation>
        </message>
        <message>
            <source>Deal: external id</source>
            <translation>商机：外部编号</translation>
        </message>
        <message>
            <source>Deal: title</source>
            <translation>商机：名称</translation>
        </message>
        <message>
            <source>Deal: product</source>
            <translation>商机：产品</translation>
        </message>
        <message>
            <source>Deal: amount</source>
            <translation>商机：金额</translation>
        </message>
        <message>
            <source>Deal: stage</source>
            <translation>商机：阶段</translation>
        </message>
        <message>
            <source>Deal: created / entered stage</source>
            <translation>商机：创建 / 进入阶段日期</translation>
        </message>
        <message>
            <source>Deal: closed (won or lost)</source>
            <translation>商机：结单日期（赢单或输单）</translation>
        </message>
        <message>
            <source>Deal: expected close</source>
            <translation>商机：预计成交日期</translation>
        </message>
        <message>
            <source>Deal: probability %</source>
            <translation>商机：成交可能性 %</translation>
        </message>
        <message>
            <source>Deal: source</source>
            <translation>商机：来源渠道</translation>
        </message>
        <message>
            <source>Deal: project type (big / small)</source>
            <translation>商机：项目类型（大 / 小）</translation>
        </message>
        <message>
            <source>Deal: next step</source>
            <translation>商机：下一步</translation>
        </message>
        <message>
            <source>Deal: next step due</source>
            <translation>商机：下一步截止日期</translation>
        </message>
        <message>
            <source>Deal: won / lost reason</source>
            <translation>商机：赢单 / 输单原因</translation>
        </message>
        <message>
            <source>Deal: note</source>
            <translation>商机：备注</translation>
        </message>
        <message>
            <source>Customer: name</source>
            <translation>客户：名称</translation>
        </message>
        <message>
            <source>Customer: external id</source>
            <translation>客户：外部编号</translation>
        </message>
        <message>
            <source>Customer: industry</source>
            <translation>客户：行业</translation>
        </message>
        <message>
            <source>Customer: scale</source>
            <translation>客户：规模</translation>
        </message>
        <message>
            <source>Customer: address</source>
            <translation>客户：地址</translation>
        </message>
        <message>
            <source>Customer: region</source>
            <translation>客户：区域</translation>
        </message>
        <message>
            <source>Customer: phone</source>
            <translation>客户：电话</translation>
        </message>
        <message>
            <source>Customer: email</source>
            <translation>客户：邮箱</translation>
        </message>
        <message>
            <source>Customer: contact person</source>
            <translation>客户：联系人</translation>
        </message>
        <message>
            <source>Customer: notes (several columns allowed)</source>
            <translation>客户：备注（可对应多列）</translation>
        </message>
        <message>
            <source>Contact: name</source>
            <translation>联系人：姓名</translation>
        </message>
        <message>
            <source>Contact: job title</source>
            <translation>联系人：职务</translation>
        </message>
        <message>
            <source>Contact: phone</source>
            <translation>联系人：电话</translation>
        </message>
        <message>
            <source>Contact: email</source>
            <translation>联系人：邮箱</translation>
        </message>
        <message>
            <source>Owner (salesperson)</source>
            <translation>负责人（销售员）</translation>
        </message>
        <message>
            <source>Owner: team</source>
            <translation>负责人：团队</translation>
        </message>
        <message>
            <source>Owner: region</source>
            <translation>负责人：区域</translation>
        </message>
        <message>
            <source>Product: list price</source>
            <translation>产品：标价</translation>
        </message>
        <message>
            <source>Deals: %1 new, %2 updated, %3 already up to date.</source>
            <translation>商机：新增 %1 个，更新 %2 个，%3 个已是最新。</translation>
        </message>
        <message>
            <source>Deals: %1 created, %2 updated, %3 already up to date.</source>
            <translation>商机：已新建 %1 个，已更新 %2 个，%3 个已是最新。</translation>
        </message>
        <message>
            <source>Customers: %1 new, %2 updated; contacts: %3 new.</source>
            <translation>客户：新增 %1 个，更新 %2 个；联系人：新增 %3 个。</translation>
        </message>
        <message>
            <source>Owners: %1 new; teams: %2; regions: %3; sources: %4.</source>
            <translation>负责人：新增 %1 个；团队：%2 个；区域：%3 个；来源：%4 个。</translation>
        </message>
        <message>
            <source>Rows read: %1; skipped: %2.</source>
            <translation>读取 %1 行；跳过 %2 行。</translation>
        </message>
        <message numerus="yes">
            <source>%Ln row(s) have problems and will be skipped.</source>
            <translation>
                <numerusform>%Ln 行有问题，将被跳过。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln row(s) have problems: fix them in the file, change the mapping, or choose to skip those rows.</source>
            <translation>
                <numerusform>%Ln 行有问题：请在文件中修正、修改映射，或选择跳过这些行。</numerusform>
            </translation>
        </message>
        <message>
            <source>Choose a file</source>
            <translation>选择文件</translation>
        </message>
        <message>
            <source>A CSV file (any delimiter; UTF-8 or GBK) or an Excel workbook (.xlsx).</source>
            <translation>CSV 文件（任意分隔符；UTF-8 或 GBK 编码）或 Excel 工作簿（.xlsx）。</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>文件：</translation>
        </message>
        <message>
            <source>Import a file</source>
            <translation>导入文件</translation>
        </message>
        <message>
            <source>Spreadsheets (*.csv *.txt *.tsv *.xlsx);;All files (*)</source>
            <translation>表格文件 (*.csv *.txt *.tsv *.xlsx);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Check the preview</source>
            <translation>检查预览</translation>
        </message>
        <message>
            <source>If the columns or characters look wrong, choose the encoding or delimiter by hand.</source>
            <translation>如果列或文字显示不对，请手动选择编码或分隔符。</translation>
        </message>
        <message>
            <source>Detect</source>
            <translation>自动检测</translation>
        </message>
        <message>
            <source>Comma ,</source>
            <translation>逗号 ,</translation>
        </message>
        <message>
            <source>Semicolon ;</source>
            <translation>分号 ;</translation>
        </message>
        <message>
            <source>Tab</source>
            <translation>制表符</translation>
        </message>
        <message>
            <source>Bar |</source>
            <translation>竖线 |</translation>
        </message>
        <message>
            <source>Encoding:</source>
            <translation>编码：</translation>
        </message>
        <message>
            <source>Delimiter:</source>
            <translation>分隔符：</translation>
        </message>
        <message>
            <source>Sheet:</source>
            <translation>工作表：</translation>
        </message>
        <message>
            <source>Sheet “%1”: %2 rows, %3 columns.</source>
            <translation>工作表“%1”：%2 行，%3 列。</translation>
        </message>
        <message>
            <source>comma</source>
            <translation>逗号</translation>
        </message>
        <message>
            <source>semicolon</source>
            <translation>分号</translation>
        </message>
        <message>
            <source>tab</source>
            <translation>制表符</translation>
        </message>
        <message>
            <source>bar</source>
            <translation>竖线</translation>
        </message>
        <message>
            <source>Encoding %1, delimiter %4: %2 rows, %3 columns.</source>
            <translation>编码 %1，分隔符为%4：%2 行，%3 列。</translation>
        </message>
        <message>
            <source>Match columns to fields</source>
            <translation>将列对应到字段</translation>
        </message>
        <message>
            <source>Each column of the file goes into one field (or is left out). Guessed from the column names; a saved mapping can be loaded.</source>
            <translation>文件的每一列对应一个字段（或不导入）。已根据列名自动猜测，也可以载入已保存的映射。</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>列</translation>
        </message>
        <message>
            <source>Example</source>
            <translation>示例</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <source>Load mapping…</source>
            <translation>载入映射…</translation>
        </message>
        <message>
            <source>Guess again</source>
            <translation>重新猜测</translation>
        </message>
        <message>
            <source>Load a mapping</source>
            <translation>载入映射</translation>
        </message>
        <message>
            <source>Mappings (*.json)</source>
            <translation>映射文件 (*.json)</translation>
        </message>
        <message>
            <source>Match values and formats</source>
            <translation>匹配取值和格式</translation>
        </message>
        <message>
            <source>Put the file's stage names into this pipeline's stages, and say how dates and amounts are written.</source>
            <translation>把文件中的阶段名称对应到本销售漏斗的阶段，并说明日期和金额的写法。</translation>
        </message>
        <message>
            <source>In the file</source>
            <translation>文件中</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>阶段</translation>
        </message>
        <message>
            <source>Detect (year first)</source>
            <translation>自动检测（年份在前）</translation>
        </message>
        <message>
            <source>As written (¥ and 万 understood)</source>
            <translation>按原样（可识别 ¥ 和 万）</translation>
        </message>
        <message>
            <source>In 万 (ten thousands)</source>
            <translation>以“万”为单位</translation>
        </message>
        <message>
            <source>The time of the import</source>
            <translation>导入时间</translation>
        </message>
        <message>
            <source>The latest date in the file</source>
            <translation>文件中最晚的日期</translation>
        </message>
        <message>
            <source>Value open deals without an amount at the product's list price</source>
            <translation>没有金额的进行中商机按产品标价计算</translation>
        </message>
        <message>
            <source>Skip rows with problems (instead of importing nothing)</source>
            <translation>跳过有问题的行（而不是全部不导入）</translation>
        </message>
        <message>
            <source>Name deals whose title is empty after their product and customer</source>
            <translation>名称为空的商机以其产品和客户命名</translation>
        </message>
        <message>
            <source>Save mapping…</source>
            <translation>保存映射…</translation>
        </message>
        <message>
            <source>Dates:</source>
            <translation>日期：</translation>
        </message>
        <message>
            <source>Amounts:</source>
            <translation>金额：</translation>
        </message>
        <message>
            <source>Amount unit:</source>
            <translation>金额单位：</translation>
        </message>
        <message>
            <source>Deals without a created date get:</source>
            <translation>没有创建日期的商机使用：</translation>
        </message>
        <message>
            <source>Won and lost deals came through:</source>
            <translation>赢单和输单的商机经过：</translation>
        </message>
        <message>
            <source>Stages in the file:</source>
            <translation>文件中的阶段：</translation>
        </message>
        <message>
            <source>— choose a stage —</source>
            <translation>— 选择阶段 —</translation>
        </message>
        <message>
            <source>No column is mapped to the deal's stage: the deals go into “%1”.</source>
            <translation>没有列映射到商机阶段：商机将放入“%1”。</translation>
        </message>
        <message>
            <source>Straight to won or lost</source>
            <translation>直接赢单或输单</translation>
        </message>
        <message>
            <source>Also read from the same folder: %1</source>
            <translation>同时读取同一文件夹中的：%1</translation>
        </message>
        <message>
            <source>Save the mapping</source>
            <translation>保存映射</translation>
        </message>
        <message>
            <source>Could not write %1: %2</source>
            <translation>无法写入 %1：%2</translation>
        </message>
        <message>
            <source>Check before importing</source>
            <translation>导入前检查</translation>
        </message>
        <message>
            <source>Nothing has been written yet. The import is all rows or none.</source>
            <translation>尚未写入任何数据。导入要么全部完成，要么一行也不导入。</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>行</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>已导入</translation>
        </message>
        <message>
            <source>Edit → Undo removes the whole import.</source>
            <translation>“编辑 → 撤销”可撤回整个导入。</translation>
        </message>
        <message>
            <source>Reading the file</source>
            <translation>读取文件</translation>
        </message>
        <message>
            <source>Checking the rows</source>
            <translation>检查各行</translation>
        </message>
        <message>
            <source>Importing</source>
            <translation>导入中</translation>
        </message>
    </context>
    <context>
        <name>ListTab</name>
        <message>
            <source>&amp;Add</source>
            <translation>添加(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>删除(&amp;R)</translation>
        </message>
        <message>
            <source>Move &amp;up</source>
            <translation>上移(&amp;U)</translation>
        </message>
        <message>
            <source>Move dow&amp;n</source>
            <translation>下移(&amp;N)</translation>
        </message>
        <message>
            <source>New item</source>
            <translation>新项目</translation>
        </message>
        <message>
            <source>New item %1</source>
            <translation>新项目 %1</translation>
        </message>
    </context>
    <context>
        <name>ListsEditor</name>
        <message>
            <source>Kept lists</source>
            <translation>预设列表</translation>
        </message>
        <message>
            <source>The choices offered in deals and customers. A row still in use cannot be removed; reasons and salespeople can be made inactive instead.</source>
            <translation>商机和客户中可供选择的选项。仍在使用的行不能删除；原因和销售员可以改为停用。</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>启用</translation>
        </message>
        <message>
            <source>Won reasons</source>
            <translation>赢单原因</translation>
        </message>
        <message>
            <source>Lost reasons</source>
            <translation>输单原因</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源渠道</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>来源渠道</translation>
        </message>
        <message>
            <source>Salesperson</source>
            <translation>销售员</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>团队</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>区域</translation>
        </message>
        <message>
            <source>Salespeople</source>
            <translation>销售员</translation>
        </message>
        <message>
            <source>Teams</source>
            <translation>团队</translation>
        </message>
        <message>
            <source>Regions</source>
            <translation>区域</translation>
        </message>
        <message>
            <source>&amp;Won reasons</source>
            <translation>赢单原因(&amp;W)</translation>
        </message>
        <message>
            <source>&amp;Lost reasons</source>
            <translation>输单原因(&amp;L)</translation>
        </message>
        <message>
            <source>S&amp;ources</source>
            <translation>来源渠道(&amp;O)</translation>
        </message>
        <message>
            <source>Sales&amp;people</source>
            <translation>销售员(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Teams</source>
            <translation>团队(&amp;T)</translation>
        </message>
        <message>
            <source>Re&amp;gions</source>
            <translation>区域(&amp;G)</translation>
        </message>
        <message>
            <source>Edit kept list</source>
            <translation>编辑预设列表</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>Log in to the team's server</source>
            <translation>登录团队服务器</translation>
        </message>
        <message>
            <source>Remember me on this computer</source>
            <translation>在这台电脑上记住我</translation>
        </message>
        <message>
            <source>Keeps the password in %1 (readable by you only), where the server's own tools find it too</source>
            <translation>密码保存在 %1（只有你能读取），服务器自带的工具也会在那里找到它</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>服务器</translation>
        </message>
        <message>
            <source>User</source>
            <translation>用户</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Log in</source>
            <translation>登录</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>Board</source>
            <translation>看板</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Analytics</source>
            <translation>分析</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <source>New deal…</source>
            <translation>新建商机…</translation>
        </message>
        <message>
            <source>Main toolbar</source>
            <translation>主工具栏</translation>
        </message>
        <message>
            <source>Pipeline</source>
            <translation>销售漏斗</translation>
        </message>
        <message>
            <source>+ New deal</source>
            <translation>+ 新建商机</translation>
        </message>
        <message>
            <source>&amp;New database…</source>
            <translation>新建数据库(&amp;N)…</translation>
        </message>
        <message>
            <source>&amp;Open database…</source>
            <translation>打开数据库(&amp;O)…</translation>
        </message>
        <message>
            <source>Open &amp;recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <source>Save a &amp;copy…</source>
            <translation>另存副本(&amp;C)…</translation>
        </message>
        <message>
            <source>&amp;Back up now</source>
            <translation>立即备份(&amp;B)</translation>
        </message>
        <message>
            <source>Restore from a &amp;backup…</source>
            <translation>从备份恢复(&amp;B)…</translation>
        </message>
        <message>
            <source>&amp;Import…</source>
            <translation>导入(&amp;I)…</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>导出(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Deal</source>
            <translation>商机(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Edit selected…</source>
            <translation>编辑所选(&amp;E)…</translation>
        </message>
        <message>
            <source>Move to &amp;previous stage</source>
            <translation>移到上一阶段(&amp;P)</translation>
        </message>
        <message>
            <source>Move to &amp;next stage</source>
            <translation>移到下一阶段(&amp;N)</translation>
        </message>
        <message>
            <source>Mark &amp;won…</source>
            <translation>标记为赢单(&amp;W)…</translation>
        </message>
        <message>
            <source>Mark &amp;lost…</source>
            <translation>标记为输单(&amp;L)…</translation>
        </message>
        <message>
            <source>&amp;Delete…</source>
            <translation>删除(&amp;D)…</translation>
        </message>
        <message>
            <source>&amp;Analytics</source>
            <translation>分析(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Reports</source>
            <translation>报表(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Weekly report…</source>
            <translation>周报(&amp;W)…</translation>
        </message>
        <message>
            <source>&amp;Tools</source>
            <translation>工具(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Getting started</source>
            <translation>入门(&amp;G)</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>快捷键(&amp;K)</translation>
        </message>
        <message>
            <source>&amp;About Funnel Desktop</source>
            <translation>关于销售漏斗管家(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>设置(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;Pipelines and stages…</source>
            <translation>销售漏斗与阶段(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Kept lists…</source>
            <translation>预设列表(&amp;K)…</translation>
        </message>
        <message>
            <source>&amp;Targets…</source>
            <translation>目标(&amp;T)…</translation>
        </message>
        <message>
            <source>&amp;Refresh the numbers</source>
            <translation>刷新数字(&amp;R)</translation>
        </message>
        <message>
            <source>admin</source>
            <translation>管理员</translation>
        </message>
        <message>
            <source>manager</source>
            <translation>经理</translation>
        </message>
        <message>
            <source>sales</source>
            <translation>销售</translation>
        </message>
        <message>
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <source>%1 %2 at %3</source>
            <translation>%1 于 %3 %2</translation>
        </message>
        <message>
            <source>Someone</source>
            <translation>有人</translation>
        </message>
        <message>
            <source>%1 — %2 — Funnel Desktop</source>
            <translation>%1 — %2 — 销售漏斗管家</translation>
        </message>
        <message>
            <source>%1 — Funnel Desktop</source>
            <translation>%1 — 销售漏斗管家</translation>
        </message>
        <message>
            <source>Funnel Desktop</source>
            <translation>销售漏斗管家</translation>
        </message>
        <message>
            <source>Cannot open the database</source>
            <translation>无法打开数据库</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>%1 — Ctrl+Z to undo</source>
            <translation>%1 — 按 Ctrl+Z 撤销</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <source>The amount cannot be negative: {value}.</source>
            <translation>金额不能为负数：{value}。</translation>
        </message>
        <message>
            <source>“{value}” is not an amount. Write it like 12,500.00.</source>
            <translation>“{value}”不是有效金额。请写成 12,500.00 这样的格式。</translation>
        </message>
        <message>
            <source>The amount {value} is too large: the largest amount is {limit}.</source>
            <translation>金额 {value} 太大：金额最大为 {limit}。</translation>
        </message>
        <message>
            <source>The probability must be a whole number from 0 to 100, not “{value}”.</source>
            <translation>成交可能性必须是 0 到 100 之间的整数，不能是“{value}”。</translation>
        </message>
        <message>
            <source>“{value}” is not a date. Write it as YYYY-MM-DD, e.g. 2026-11-24.</source>
            <translation>“{value}”不是有效日期。请按“年-月-日”填写，例如 2026-11-24。</translation>
        </message>
        <message>
            <source>The date {value} is outside the dates kept here ({first} to {last}).</source>
            <translation>日期 {value} 超出了可保存的日期范围（{first} 至 {last}）。</translation>
        </message>
        <message>
            <source>{name} must be a whole number from {minimum} to {maximum}, not “{value}”.</source>
            <translation>{name} 必须是 {minimum} 到 {maximum} 之间的整数，而不是“{value}”。</translation>
        </message>
        <message>
            <source>The text is too long: {count} characters, and at most {limit} fit here.</source>
            <translation>文字太长：共 {count} 个字符，此处最多 {limit} 个。</translation>
        </message>
        <message>
            <source>A text is longer than the database keeps (at most {limit} characters); nothing was saved.</source>
            <translation>有一段文字超出了数据库可保存的长度（最多 {limit} 个字符）；没有保存任何内容。</translation>
        </message>
        <message>
            <source>The text contains a character that cannot be kept ({char}); remove it and try again.</source>
            <translation>文字中含有无法保存的字符（{char}）；请删除后重试。</translation>
        </message>
        <message>
            <source>The period is empty: {start} is after {end}.</source>
            <translation>时间段为空：{start} 晚于 {end}。</translation>
        </message>
        <message>
            <source>“{value}” is not an ISO week. Write it like 2026-W47.</source>
            <translation>“{value}”不是有效的 ISO 周。请写成 2026-W47 这样的格式。</translation>
        </message>
        <message>
            <source>A deal needs a title.</source>
            <translation>商机必须有名称。</translation>
        </message>
        <message>
            <source>A name is required.</source>
            <translation>名称不能为空。</translation>
        </message>
        <message>
            <source>There is no stage “{value}” in this pipeline.</source>
            <translation>此销售漏斗中没有“{value}”阶段。</translation>
        </message>
        <message>
            <source>There is no pipeline “{value}”.</source>
            <translation>没有名为“{value}”的销售漏斗。</translation>
        </message>
        <message>
            <source>Deal #{value} does not exist (it may have been deleted).</source>
            <translation>商机 #{value} 不存在（可能已被删除）。</translation>
        </message>
        <message>
            <source>Customer #{value} does not exist (it may have been deleted).</source>
            <translation>客户 #{value} 不存在（可能已被删除）。</translation>
        </message>
        <message>
            <source>There is no salesperson “{value}”.</source>
            <translation>没有名为“{value}”的销售员。</translation>
        </message>
        <message>
            <source>There is no team “{value}”.</source>
            <translation>没有名为“{value}”的团队。</translation>
        </message>
        <message>
            <source>There is no region “{value}”.</source>
            <translation>没有名为“{value}”的区域。</translation>
        </message>
        <message>
            <source>Closing a deal as {kind} needs a reason.</source>
            <translation>将商机标记为{kind}需要填写原因。</translation>
        </message>
        <message>
            <source>“{value}” is not a kept {kind} reason.</source>
            <translation>“{value}”不在预设的{kind}原因中。</translation>
        </message>
        <message>
            <source>Deal #{value} is not closed, so it cannot be reopened.</source>
            <translation>商机 #{value} 尚未结单，无法重新打开。</translation>
        </message>
        <message>
            <source>Deal #{value} is already closed; reopen it first.</source>
            <translation>商机 #{value} 已结单；请先重新打开。</translation>
        </message>
        <message>
            <source>Use Won or Lost to close a deal, so the reason is kept.</source>
            <translation>请用“赢单”或“输单”来结单，以便记下原因。</translation>
        </message>
        <message>
            <source>“{value}” is not one of: {choices}.</source>
            <translation>“{value}”不是以下选项之一：{choices}。</translation>
        </message>
        <message>
            <source>“{value}” is not a delimiter: give auto, tab or one character such as “,” “;” “|”.</source>
            <translation>“{value}”不是分隔符：请填 auto、tab 或一个字符，如“,”“;”“|”。</translation>
        </message>
        <message>
            <source>The target must be a positive amount, not “{value}”.</source>
            <translation>目标必须是正数金额，不能是“{value}”。</translation>
        </message>
        <message>
            <source>There are no won deals yet, so the average deal size is unknown.</source>
            <translation>还没有赢单的商机，因此无法得出平均成交金额。</translation>
        </message>
        <message>
            <source>No deal has passed stage “{stage}” yet, so its conversion is 0 and the plan cannot go further up the funnel.</source>
            <translation>还没有商机通过“{stage}”阶段，其转化率为 0，无法继续向漏斗上层倒推。</translation>
        </message>
        <message>
            <source>The database file {path} does not exist.</source>
            <translation>数据库文件 {path} 不存在。</translation>
        </message>
        <message>
            <source>The database {path} is in use by another program. Close it there, or wait and try again.</source>
            <translation>数据库 {path} 正被其他程序使用。请在那边关闭它，或稍后重试。</translation>
        </message>
        <message>
            <source>The database {path} is read-only. Open it read-only, or copy it somewhere you can write.</source>
            <translation>数据库 {path} 是只读的。请以只读方式打开，或将其复制到可写入的位置。</translation>
        </message>
        <message>
            <source>The database {path} is damaged ({detail}). Restore a backup or open another file.</source>
            <translation>数据库 {path} 已损坏（{detail}）。请恢复备份或打开其他文件。</translation>
        </message>
        <message>
            <source>The database {path} was made by a newer version of Funnel Desktop (schema {found}, this version knows {known}). Update the program, or open another file.</source>
            <translation>数据库 {path} 由更新版本的销售漏斗管家创建（结构版本 {found}，本版本最高支持 {known}）。请更新程序，或打开其他文件。</translation>
        </message>
        <message>
            <source>{path} is not a Funnel Desktop database.</source>
            <translation>{path} 不是销售漏斗管家的数据库。</translation>
        </message>
        <message>
            <source>{path} is an empty file, not a Funnel Desktop database.</source>
            <translation>{path} 是一个空文件，不是销售漏斗管家的数据库。</translation>
        </message>
        <message>
            <source>The disk is full; nothing was saved. Free some space and try again.</source>
            <translation>磁盘已满，未保存任何内容。请腾出空间后重试。</translation>
        </message>
        <message>
            <source>The database refused the change ({detail}); nothing was saved.</source>
            <translation>数据库拒绝了这次修改（{detail}），未保存任何内容。</translation>
        </message>
        <message>
            <source>{path} already holds a pipeline; the demo needs an empty database.</source>
            <translation>{path} 中已有销售漏斗；演示数据需要一个空数据库。</translation>
        </message>
        <message>
            <source>Could not connect to the database {path}: {detail}</source>
            <translation>无法连接数据库 {path}：{detail}</translation>
        </message>
        <message>
            <source>Follow-up #{value} does not exist (it may have been deleted).</source>
            <translation>跟进记录 #{value} 不存在（可能已被删除）。</translation>
        </message>
        <message>
            <source>The idle limit must be a whole number of days, not “{value}”.</source>
            <translation>停滞期限必须是整数天数，不能是“{value}”。</translation>
        </message>
        <message>
            <source>Two stages are called “{value}”; give each stage its own name.</source>
            <translation>有两个阶段都叫“{value}”；请给每个阶段起不同的名称。</translation>
        </message>
        <message>
            <source>A pipeline needs at least one open stage, one Won stage and one Lost stage.</source>
            <translation>销售漏斗至少需要一个进行中阶段、一个赢单阶段和一个输单阶段。</translation>
        </message>
        <message>
            <source>Stage “{value}” still holds {count} deals: choose where to move them before removing it.</source>
            <translation>“{value}”阶段还有 {count} 个商机：删除前请选择把它们移到哪里。</translation>
        </message>
        <message>
            <source>The deals of “{value}” must move to a kept stage of the same kind.</source>
            <translation>“{value}”中的商机必须移到保留下来的同类阶段。</translation>
        </message>
        <message>
            <source>There is already a pipeline called “{value}”.</source>
            <translation>已有名为“{value}”的销售漏斗。</translation>
        </message>
        <message>
            <source>This pipeline still holds deals; move or delete them first.</source>
            <translation>此销售漏斗中还有商机；请先移走或删除它们。</translation>
        </message>
        <message>
            <source>The last pipeline cannot be deleted.</source>
            <translation>不能删除最后一个销售漏斗。</translation>
        </message>
        <message>
            <source>“{value}” is in the list twice.</source>
            <translation>“{value}”在列表中出现了两次。</translation>
        </message>
        <message>
            <source>“{value}” is still in use, so it cannot be removed (make it inactive, or change the deals that use it first).</source>
            <translation>“{value}”仍在使用中，无法删除（可以将其停用，或先修改使用它的商机）。</translation>
        </message>
        <message>
            <source>Could not write {path}: {detail}</source>
            <translation>无法写入 {path}：{detail}</translation>
        </message>
        <message>
            <source>Could not use the file {path}: {detail}.</source>
            <translation>无法使用文件 {path}：{detail}。</translation>
        </message>
        <message>
            <source>Stopped. A change under way was rolled back; nothing was half-written.</source>
            <translation>已停止。进行中的修改已撤回，没有写入不完整的数据。</translation>
        </message>
        <message>
            <source>An internal error stopped the command ({detail}). Nothing was half-written. Please report it; FUNNEL_DEBUG=1 shows the details.</source>
            <translation>内部错误使命令中止（{detail}）。没有写入不完整的数据。请报告此问题；设置 FUNNEL_DEBUG=1 可查看详细信息。</translation>
        </message>
        <message>
            <source>“{name}” is not a health threshold.</source>
            <translation>“{name}”不是健康检查阈值。</translation>
        </message>
        <message>
            <source>“{value}” is not a valid value for the health threshold {name}.</source>
            <translation>“{value}”不是健康检查阈值 {name} 的有效取值。</translation>
        </message>
        <message>
            <source>The number of simulation runs must be a whole number from 1 to {maximum}, not “{value}”.</source>
            <translation>模拟次数必须是 1 到 {maximum} 之间的整数，不能是“{value}”。</translation>
        </message>
        <message>
            <source>The file {path} does not exist.</source>
            <translation>文件 {path} 不存在。</translation>
        </message>
        <message>
            <source>{path} is not a CSV or XLSX file.</source>
            <translation>{path} 不是 CSV 或 XLSX 文件。</translation>
        </message>
        <message>
            <source>{path} is too big to import ({size} MB unpacked; the limit is {limit} MB).</source>
            <translation>{path} 太大，无法导入（解压后 {size} MB，上限为 {limit} MB）。</translation>
        </message>
        <message>
            <source>{path} could not be read as text in {encoding}. Choose another encoding.</source>
            <translation>无法按 {encoding} 编码读取 {path}。请选择其他编码。</translation>
        </message>
        <message>
            <source>{path} could not be read as a spreadsheet ({detail}).</source>
            <translation>无法将 {path} 作为表格读取（{detail}）。</translation>
        </message>
        <message>
            <source>{path} could not be read as text in {encoding} (row {row}). Choose another encoding.</source>
            <translation>无法按 {encoding} 读取 {path} 的文字（第 {row} 行）。请选择其他编码。</translation>
        </message>
        <message>
            <source>{path} mixes two encodings: rows {utf8_rows} are in UTF-8 and rows {other_rows} in {encoding}, so some would be stored garbled. Save the file again in one encoding (e.g. UTF-8) and import it again.</source>
            <translation>{path} 混用了两种编码：第 {utf8_rows} 行是 UTF-8，第 {other_rows} 行是 {encoding}，导入后部分文字会变成乱码。请把文件另存为同一种编码（如 UTF-8）后再导入。</translation>
        </message>
        <message>
            <source>{path} has more than {limit} rows; split it into smaller files and import them one after another.</source>
            <translation>{path} 超过 {limit} 行；请拆分成较小的文件，依次导入。</translation>
        </message>
        <message>
            <source>{path} has more than {limit} columns with values; remove the columns that are not needed.</source>
            <translation>{path} 有内容的列超过 {limit} 列；请删除不需要的列。</translation>
        </message>
        <message>
            <source>{path} has more than {limit} cells (rows × columns); split it into smaller files or remove the columns that are not needed.</source>
            <translation>{path} 的单元格（行数 × 列数）超过 {limit} 个；请拆分成较小的文件，或删除不需要的列。</translation>
        </message>
        <message>
            <source>Row {row} of {path} has a cell longer than {limit} characters, the most a cell holds (as in Excel).</source>
            <translation>{path} 第 {row} 行有一个单元格超过 {limit} 个字符，这是一个单元格的上限（与 Excel 相同）。</translation>
        </message>
        <message>
            <source>Row {row}, column {column} of {path} holds {count} characters; a cell holds at most {limit} (as in Excel).</source>
            <translation>{path} 第 {row} 行第 {column} 列有 {count} 个字符；一个单元格最多 {limit} 个（与 Excel 相同）。</translation>
        </message>
        <message>
            <source>Reading {path} took longer than {seconds} s, so it was stopped; the file may be damaged. Open it in the spreadsheet program and save it again (or as CSV).</source>
            <translation>读取 {path} 超过了 {seconds} 秒，已停止；文件可能已损坏。请用电子表格软件打开并重新保存（或另存为 CSV）。</translation>
        </message>
        <message>
            <source>{path} has no rows to import.</source>
            <translation>{path} 中没有可导入的行。</translation>
        </message>
        <message>
            <source>The workbook has no sheet “{value}”.</source>
            <translation>工作簿中没有名为“{value}”的工作表。</translation>
        </message>
        <message>
            <source>No column of the file could be matched to a field by its header ({headers}). Give a mapping with --mapping (the README describes the preset format).</source>
            <translation>无法根据列名把文件的任何一列对应到字段（{headers}）。请用 --mapping 指定映射（预设格式见 README）。</translation>
        </message>
        <message>
            <source>The database {path} keeps its amounts in {kept}; this file's amounts are in {wanted}. Import it into a database in {wanted} (a new one: --db new.sqlite --currency {wanted}).</source>
            <translation>数据库 {path} 的金额以 {kept} 保存；此文件的金额是 {wanted}。请导入到以 {wanted} 保存的数据库（新建：--db new.sqlite --currency {wanted}）。</translation>
        </message>
        <message>
            <source>No column is mapped to a field. Map at least a deal title, product, customer or external id.</source>
            <translation>没有任何列对应到字段。请至少对应商机名称、产品、客户或外部编号之一。</translation>
        </message>
        <message>
            <source>The mapping names column “{column}”, which this file does not have.</source>
            <translation>映射中指定了“{column}”列，但此文件中没有这一列。</translation>
        </message>
        <message>
            <source>“{value}” is not a field that can be imported.</source>
            <translation>“{value}”不是可导入的字段。</translation>
        </message>
        <message>
            <source>The mapping preset {path} cannot be used ({detail}).</source>
            <translation>无法使用映射预设 {path}（{detail}）。</translation>
        </message>
        <message>
            <source>The mapping preset {path} has keys this program does not know: {keys}. A preset's keys are: {valid}. The file's columns go inside “columns”, as in "columns": … "客户名称": "customer.name" (the README shows a whole preset).</source>
            <translation>映射预设 {path} 中有本程序不认识的键：{keys}。预设的键有：{valid}。文件的列要写在“columns”里面，例如 "columns": … "客户名称": "customer.name"（完整的预设示例见 README）。</translation>
        </message>
        <message>
            <source>The lookup file {path} named by the mapping does not exist.</source>
            <translation>映射中指定的对照文件 {path} 不存在。</translation>
        </message>
        <message>
            <source>{count} row(s) have problems, so nothing was imported. Fix them, or choose to skip the rows with problems.</source>
            <translation>{count} 行有问题，因此没有导入任何内容。请修正这些行，或选择跳过有问题的行。</translation>
        </message>
        <message>
            <source>The row is empty.</source>
            <translation>该行为空。</translation>
        </message>
        <message>
            <source>External id “{value}” appeared already on row {first}; this row is skipped.</source>
            <translation>外部编号“{value}”已在第 {first} 行出现；跳过本行。</translation>
        </message>
        <message>
            <source>The title is empty. Fill it in, or let such deals be named after their product and customer ("empty_title": "fill" in the mapping).</source>
            <translation>名称为空。请补上名称，或让这类商机以其产品和客户命名（在映射中设置 "empty_title": "fill"）。</translation>
        </message>
        <message>
            <source>The row has no title, product, customer or external id to name the deal by.</source>
            <translation>该行没有可用来命名商机的名称、产品、客户或外部编号。</translation>
        </message>
        <message>
            <source>Stage “{value}” is not mapped to a stage of this pipeline.</source>
            <translation>“{value}”阶段没有对应到本销售漏斗的阶段。</translation>
        </message>
        <message>
            <source>The close date {closed} is before the created date {created}.</source>
            <translation>结单日期 {closed} 早于创建日期 {created}。</translation>
        </message>
        <message>
            <source>External id “{value}” belongs to a deal in another pipeline; the row is skipped.</source>
            <translation>外部编号“{value}”属于另一个销售漏斗中的商机；跳过该行。</translation>
        </message>
        <message>
            <source>{count} row(s) have no customer; their deals were imported without one.</source>
            <translation>{count} 行没有客户；其商机已导入，但未关联客户。</translation>
        </message>
        <message>
            <source>{count} deal(s) have no created date; they were given {date} ({rule}).</source>
            <translation>{count} 个商机没有创建日期；已设为 {date}（{rule}）。</translation>
        </message>
        <message>
            <source>{count} closed deal(s) have no close date; they were given their created date.</source>
            <translation>{count} 个已结单商机没有结单日期；已使用其创建日期。</translation>
        </message>
        <message>
            <source>{count} closed deal(s) have no created date; their close date was used.</source>
            <translation>{count} 个已结单商机没有创建日期；已使用其结单日期。</translation>
        </message>
        <message>
            <source>“{value}” was matched to “{match}” in {file} ({count} row(s)).</source>
            <translation>“{value}”已匹配为 {file} 中的“{match}”（{count} 行）。</translation>
        </message>
        <message>
            <source>“{value}” is not in {file} ({count} row(s)).</source>
            <translation>“{value}”不在 {file} 中（{count} 行）。</translation>
        </message>
        <message>
            <source>{count} open deal(s) without an amount were valued at their product's list price.</source>
            <translation>{count} 个没有金额的进行中商机已按产品标价计算。</translation>
        </message>
        <message>
            <source>Stage “{value}” ({count} row(s)) is not a stage of this pipeline, whose stages are: {stages}. To map it, add it to the mapping's “stage_map”, e.g. {line}.</source>
            <translation>阶段“{value}”（{count} 行）不是本销售漏斗的阶段，本漏斗的阶段有：{stages}。如要对应，请在映射的“stage_map”中加入，例如 {line}。</translation>
        </message>
        <message>
            <source>{count} row(s) have no stage; they were put in “{stage}”.</source>
            <translation>{count} 行没有阶段；已放入“{stage}”。</translation>
        </message>
        <message>
            <source>“{value}” is not a kept won or lost reason; {count} deal(s) were closed without a reason.</source>
            <translation>“{value}”不在预设的赢单或输单原因中；{count} 个商机结单时未记录原因。</translation>
        </message>
        <message>
            <source>The backup {path} does not exist.</source>
            <translation>备份 {path} 不存在。</translation>
        </message>
        <message>
            <source>{path} is not a usable backup ({detail}); nothing was restored.</source>
            <translation>{path} 不是可用的备份（{detail}）；未恢复任何内容。</translation>
        </message>
        <message>
            <source>Nothing was undone: {by} changed {items} after “{action}” ({at}). Undo takes back only what nobody has changed since.</source>
            <translation>未撤销任何内容：“{action}”之后，{by} 修改了{items}（{at}）。撤销只会收回之后没有人改动过的内容。</translation>
        </message>
        <message>
            <source>{by} changed {fields} of “{item}” ({at}) while it was open here; nothing was saved.</source>
            <translation>在这里打开期间，{by} 修改了“{item}”的{fields}（{at}）；没有保存任何内容。</translation>
        </message>
        <message>
            <source>Stopped: nothing of it was kept.</source>
            <translation>已停止：这次操作没有留下任何更改。</translation>
        </message>
        <message>
            <source>{path} is open in another program ({holders}). Close it there first; nothing was changed.</source>
            <translation>{path} 正在被另一个程序打开（{holders}）。请先在那里关闭；没有做任何改动。</translation>
        </message>
        <message>
            <source>Your account may not make this change on the server {path}; nothing was changed. Ask your admin if you need it.</source>
            <translation>你的账号无权在服务器 {path} 上做这项修改；没有做任何改动。如有需要请联系管理员。</translation>
        </message>
        <message>
            <source>The server {path} did not accept the password of {user}.</source>
            <translation>服务器 {path} 不接受 {user} 的密码。</translation>
        </message>
        <message>
            <source>The server {path} needs the password of {user}: log in from the app (it can remember it in ~/.pgpass), or put it in ~/.pgpass.</source>
            <translation>服务器 {path} 需要 {user} 的密码：请在程序中登录（可记在 ~/.pgpass 中），或把密码写入 ~/.pgpass。</translation>
        </message>
        <message>
            <source>The server {host} does not answer ({path}). Check that it runs and that this computer can reach it.</source>
            <translation>服务器 {host} 没有响应（{path}）。请检查它是否在运行、这台电脑能否连到它。</translation>
        </message>
        <message>
            <source>{user} may not use the database {path}. Ask your admin to add you (funnel-desktop team add-user).</source>
            <translation>{user} 无权使用数据库 {path}。请让管理员添加你（funnel-desktop team add-user）。</translation>
        </message>
        <message>
            <source>The database {path} has schema {found}; this version needs {known}. Ask your admin to upgrade it (funnel-desktop team init).</source>
            <translation>数据库 {path} 的结构版本是 {found}；本程序需要 {known}。请让管理员升级（funnel-desktop team init）。</translation>
        </message>
        <message>
            <source>Team mode needs a PostgreSQL server database (postgresql://…); a database file is for one person.</source>
            <translation>团队模式需要 PostgreSQL 服务器数据库（postgresql://…）；数据库文件只供一个人使用。</translation>
        </message>
        <message>
            <source>“{value}” cannot be a login name: use letters, digits and _ . - (starting with a letter).</source>
            <translation>“{value}”不能用作登录名：请用字母、数字和 _ . -（以字母开头）。</translation>
        </message>
        <message>
            <source>There is no login “{value}” on this server.</source>
            <translation>服务器上没有登录名“{value}”。</translation>
        </message>
        <message>
            <source>No password was given on standard input.</source>
            <translation>标准输入中没有给出密码。</translation>
        </message>
        <message>
            <source>Team mode is not set up on this database: run funnel-desktop team init first.</source>
            <translation>这个数据库还没有设置团队模式：请先运行 funnel-desktop team init。</translation>
        </message>
        <message>
            <source>{path} is a server database: it is backed up and restored on the server (pg_dump and pg_restore; see “Team mode” in the README), not by this command.</source>
            <translation>{path} 是服务器数据库：它在服务器上备份和恢复（用 pg_dump 和 pg_restore；见 README 的“团队模式”），不用这个命令。</translation>
        </message>
        <message>
            <source>“{value}” cannot be exported; choose deals, customers, contacts or activities.</source>
            <translation>无法导出“{value}”；请选择商机、客户、联系人或跟进记录。</translation>
        </message>
        <message>
            <source>“{value}” is not valid structured data.</source>
            <translation>“{value}”不是有效的结构化数据。</translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) have problems, so nothing was imported. Fix them, or choose to skip the rows with problems.</source>
            <translation>
                <numerusform>%n 行有问题，因此没有导入任何内容。请修正这些行，或选择跳过有问题的行。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) have no customer; their deals were imported without one.</source>
            <translation>
                <numerusform>%n 行没有客户；其商机已导入，但未关联客户。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n deal(s) have no created date; they were given {date} ({rule}).</source>
            <translation>
                <numerusform>%n 个商机没有创建日期；已设为 {date}（{rule}）。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n closed deal(s) have no close date; they were given their created date.</source>
            <translation>
                <numerusform>%n 个已结单商机没有结单日期；已使用其创建日期。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n closed deal(s) have no created date; their close date was used.</source>
            <translation>
                <numerusform>%n 个已结单商机没有创建日期；已使用其结单日期。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>“{value}” was matched to “{match}” in {file} (%n row(s)).</source>
            <translation>
                <numerusform>“{value}”已匹配到 {file} 中的“{match}”（%n 行）。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>“{value}” is not in {file} (%n row(s)).</source>
            <translation>
                <numerusform>“{value}”不在 {file} 中（%n 行）。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n open deal(s) without an amount were valued at their product's list price.</source>
            <translation>
                <numerusform>%n 个没有金额的进行中商机已按产品标价计算。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Stage “{value}” (%n row(s)) is not a stage of this pipeline, whose stages are: {stages}. To map it, add it to the mapping's “stage_map”, e.g. {line}.</source>
            <translation>
                <numerusform>阶段“{value}”（%n 行）不是此销售漏斗的阶段，漏斗的阶段为：{stages}。如需映射，请把它加入映射的“stage_map”，例如 {line}。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) have no stage; they were put in “{stage}”.</source>
            <translation>
                <numerusform>%n 行没有阶段；已放入“{stage}”。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>“{value}” is not a kept won or lost reason; %n deal(s) were closed without a reason.</source>
            <translation>
                <numerusform>“{value}”不是已保存的赢单或输单原因；%n 个商机已结单但未填写原因。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Stage “{value}” still holds %n deal(s): choose where to move them before removing it.</source>
            <translation>
                <numerusform>“{value}”阶段还有 %n 个商机：删除前请选择把它们移到哪里。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The text is too long: %n character(s), and at most {limit} fit here.</source>
            <translation>
                <numerusform>文字太长：共 %n 个字符，此处最多 {limit} 个。</numerusform>
            </translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>probability</source>
            <translation>成交可能性</translation>
        </message>
        <message>
            <source>expected close</source>
            <translation>预计成交日期</translation>
        </message>
        <message>
            <source>owner</source>
            <translation>负责人</translation>
        </message>
        <message>
            <source>source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>project type</source>
            <translation>项目类型</translation>
        </message>
        <message>
            <source>next step</source>
            <translation>下一步</translation>
        </message>
        <message>
            <source>next step due</source>
            <translation>下一步期限</translation>
        </message>
        <message>
            <source>checklist</source>
            <translation>推进问题</translation>
        </message>
        <message>
            <source>close note</source>
            <translation>结单备注</translation>
        </message>
        <message>
            <source>stage</source>
            <translation>阶段</translation>
        </message>
        <message>
            <source>stages</source>
            <translation>阶段</translation>
        </message>
        <message>
            <source>name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>contact person</source>
            <translation>联系人</translation>
        </message>
        <message>
            <source>phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>email</source>
            <translation>邮箱</translation>
        </message>
        <message>
            <source>WeChat / messenger</source>
            <translation>微信 / 即时通讯</translation>
        </message>
        <message>
            <source>address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>industry</source>
            <translation>行业</translation>
        </message>
        <message>
            <source>region</source>
            <translation>区域</translation>
        </message>
        <message>
            <source>scale</source>
            <translation>规模</translation>
        </message>
        <message>
            <source>needs</source>
            <translation>需求</translation>
        </message>
        <message>
            <source>pain points</source>
            <translation>痛点</translation>
        </message>
        <message>
            <source>purchase intent</source>
            <translation>购买意向</translation>
        </message>
        <message>
            <source>budget</source>
            <translation>预算</translation>
        </message>
        <message>
            <source>credit notes</source>
            <translation>信用备注</translation>
        </message>
        <message>
            <source>money</source>
            <translation>资金</translation>
        </message>
        <message>
            <source>authority</source>
            <translation>决策权</translation>
        </message>
        <message>
            <source>need</source>
            <translation>需求</translation>
        </message>
        <message>
            <source>class</source>
            <translation>分类</translation>
        </message>
        <message>
            <source>priority</source>
            <translation>优先级</translation>
        </message>
        <message>
            <source>assessment</source>
            <translation>客户评估</translation>
        </message>
        <message>
            <source>notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>won</source>
            <translation>赢单</translation>
        </message>
        <message>
            <source>lost</source>
            <translation>输单</translation>
        </message>
        <message>
            <source>High</source>
            <translation>高</translation>
        </message>
        <message>
            <source>Medium</source>
            <translation>中</translation>
        </message>
        <message>
            <source>Low</source>
            <translation>低</translation>
        </message>
        <message>
            <source>Strong</source>
            <translation>强</translation>
        </message>
        <message>
            <source>Moderate</source>
            <translation>一般</translation>
        </message>
        <message>
            <source>Weak</source>
            <translation>弱</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <source>Big project</source>
            <translation>大项目</translation>
        </message>
        <message>
            <source>Small project</source>
            <translation>小项目</translation>
        </message>
        <message>
            <source>Not set</source>
            <translation>未设置</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>拜访</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>邮件</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>会议</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>任务</translation>
        </message>
        <message>
            <source>Decision maker</source>
            <translation>决策人</translation>
        </message>
        <message>
            <source>Technical evaluator</source>
            <translation>技术选型人</translation>
        </message>
        <message>
            <source>Buyer</source>
            <translation>采购</translation>
        </message>
        <message>
            <source>User</source>
            <translation>使用人</translation>
        </message>
        <message>
            <source>Sponsor / coach</source>
            <translation>支持者 / 内线</translation>
        </message>
        <message>
            <source>No role</source>
            <translation>无角色</translation>
        </message>
        <message>
            <source>Supporter</source>
            <translation>支持</translation>
        </message>
        <message>
            <source>Neutral</source>
            <translation>中立</translation>
        </message>
        <message>
            <source>Opponent</source>
            <translation>反对</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>组织</translation>
        </message>
        <message>
            <source>Market growth position</source>
            <translation>市场增长地位</translation>
        </message>
        <message>
            <source>Solution requirements</source>
            <translation>方案需求</translation>
        </message>
        <message>
            <source>Solution fit</source>
            <translation>方案匹配度</translation>
        </message>
        <message>
            <source>Competitive advantage</source>
            <translation>竞争优势</translation>
        </message>
        <message>
            <source>Track record</source>
            <translation>过往业绩</translation>
        </message>
        <message>
            <source>Sponsorship</source>
            <translation>内部支持</translation>
        </message>
        <message>
            <source>Cultural fit</source>
            <translation>文化契合度</translation>
        </message>
        <message>
            <source>Money, authority and need: an ideal prospect. Pursue it now.</source>
            <translation>有钱、有权、有需求：理想客户，立即跟进。</translation>
        </message>
        <message>
            <source>Money and authority but no need yet: approach them and create the need.</source>
            <translation>有钱有权但暂无需求：主动接触，挖掘并创造需求。</translation>
        </message>
        <message>
            <source>Money and need but not the authority: approach them and find out who decides.</source>
            <translation>有钱有需求但无决策权：主动接触，找出真正拍板的人。</translation>
        </message>
        <message>
            <source>Authority and need but no money: approach them and check credit or financing.</source>
            <translation>有权有需求但缺资金：主动接触，了解信用或融资情况。</translation>
        </message>
        <message>
            <source>Only one of money, authority and need: nurture long-term.</source>
            <translation>钱、权、需求只具备其一：长期培育。</translation>
        </message>
        <message>
            <source>No money, authority or need: not a customer. Stop here.</source>
            <translation>无钱、无权、无需求：不是目标客户，到此为止。</translation>
        </message>
        <message>
            <source>Answer all three questions (money, authority, need) to get a recommendation.</source>
            <translation>回答全部三个问题（资金、决策权、需求）后给出建议。</translation>
        </message>
        <message>
            <source>A — big and soon: full effort</source>
            <translation>A — 金额大、成交近：全力投入</translation>
        </message>
        <message>
            <source>B — small and soon: cap the time spent</source>
            <translation>B — 金额小、成交近：控制投入时间</translation>
        </message>
        <message>
            <source>C — big but far: watch for change</source>
            <translation>C — 金额大、成交远：关注变化</translation>
        </message>
        <message>
            <source>D — small and far: last</source>
            <translation>D — 金额小、成交远：最后处理</translation>
        </message>
        <message>
            <source>No open deal, so no class</source>
            <translation>没有进行中商机，暂无分级</translation>
        </message>
    </context>
    <context>
        <name>MetricsStrip</name>
        <message>
            <source>Open deals</source>
            <translation>进行中商机</translation>
        </message>
        <message>
            <source>Deals in the open stages of this pipeline that match the filters.</source>
            <translation>本销售漏斗中处于进行中阶段、符合筛选条件的商机。</translation>
        </message>
        <message>
            <source>Pipeline</source>
            <translation>漏斗金额</translation>
        </message>
        <message>
            <source>Σ amount of the open deals.</source>
            <translation>进行中商机的金额合计（Σ）。</translation>
        </message>
        <message>
            <source>Weighted</source>
            <translation>加权金额</translation>
        </message>
        <message>
            <source>Weighted value = amount × probability ÷ 100, summed over open deals; a deal's own probability overrides its stage's.</source>
            <translation>加权金额 = 金额 × 成交可能性 ÷ 100，对进行中商机求和；商机自己设定的可能性优先于阶段默认值。</translation>
        </message>
        <message>
            <source>Forecast this month</source>
            <translation>本月预测</translation>
        </message>
        <message>
            <source>Weighted value of the open deals expected to close this month.</source>
            <translation>预计本月成交的进行中商机的加权金额。</translation>
        </message>
        <message>
            <source>Win rate</source>
            <translation>赢单率</translation>
        </message>
        <message>
            <source>Won ÷ (won + lost) among deals closed in the last %1 days, by count.</source>
            <translation>近 %1 天内结单的商机中，赢单数 ÷（赢单数 + 输单数），按数量计。</translation>
        </message>
        <message>
            <source>%1 of the pipeline</source>
            <translation>占漏斗的 %1</translation>
        </message>
        <message>
            <source>%1 won · %2 lost · last %3 days</source>
            <translation>赢 %1 · 输 %2 · 近 %3 天</translation>
        </message>
    </context>
    <context>
        <name>MoveDealsDialog</name>
        <message>
            <source>Remove stage</source>
            <translation>删除阶段</translation>
        </message>
        <message>
            <source>Stage “%1” holds %2 deals. Move them to:</source>
            <translation>“%1”阶段有 %2 个商机。把它们移到：</translation>
        </message>
        <message>
            <source>Stage to move the deals to</source>
            <translation>商机要移入的阶段</translation>
        </message>
        <message>
            <source>Their history is kept: the time they spent in “%1” counts for the stage they move to.</source>
            <translation>商机的历史会保留：在“%1”停留的时间计入移入的阶段。</translation>
        </message>
        <message>
            <source>Move and remove</source>
            <translation>移动并删除</translation>
        </message>
    </context>
    <context>
        <name>NewDatabaseDialog</name>
        <message>
            <source>New database</source>
            <translation>新建数据库</translation>
        </message>
        <message>
            <source>A new database in %1. You can change all of this later in Tools ▸ Settings and Tools ▸ Pipelines.</source>
            <translation>在 %1 新建数据库。这些以后都可以在“工具 ▸ 设置”和“工具 ▸ 销售漏斗与阶段”中修改。</translation>
        </message>
        <message>
            <source>C&amp;reate</source>
            <translation>创建(&amp;R)</translation>
        </message>
    </context>
    <context>
        <name>OperationRunner</name>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Stopping… nothing of it will be kept.</source>
            <translation>正在停止……这次操作不会留下任何更改。</translation>
        </message>
    </context>
    <context>
        <name>Operations</name>
        <message>
            <source>Reading the file…</source>
            <translation>正在读取文件……</translation>
        </message>
        <message>
            <source>Checking the rows…</source>
            <translation>正在检查各行……</translation>
        </message>
        <message>
            <source>Writing…</source>
            <translation>正在写入……</translation>
        </message>
        <message>
            <source>Taking it back…</source>
            <translation>正在撤销……</translation>
        </message>
        <message>
            <source>Copying the database…</source>
            <translation>正在复制数据库……</translation>
        </message>
        <message>
            <source>Checking the copy…</source>
            <translation>正在检查副本……</translation>
        </message>
        <message>
            <source>Writing the file…</source>
            <translation>正在写入文件……</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>正在保存……</translation>
        </message>
    </context>
    <context>
        <name>PeopleCard</name>
        <message>
            <source>Owners and teams</source>
            <translation>负责人与团队</translation>
        </message>
        <message>
            <source>By owner</source>
            <translation>按负责人</translation>
        </message>
        <message>
            <source>By team</source>
            <translation>按团队</translation>
        </message>
        <message>
            <source>(no team)</source>
            <translation>（无团队）</translation>
        </message>
        <message>
            <source>(no owner)</source>
            <translation>（无负责人）</translation>
        </message>
        <message>
            <source>Open: now. Closed: %1. Team: the owner's team now.</source>
            <translation>进行中：当前。结单：%1。团队：负责人当前所在的团队。</translation>
        </message>
    </context>
    <context>
        <name>PeopleModel</name>
        <message>
            <source>Open</source>
            <translation>进行中</translation>
        </message>
        <message>
            <source>Pipeline</source>
            <translation>漏斗金额</translation>
        </message>
        <message>
            <source>Weighted</source>
            <translation>加权金额</translation>
        </message>
        <message>
            <source>Won</source>
            <translation>赢单</translation>
        </message>
        <message>
            <source>Won value</source>
            <translation>赢单金额</translation>
        </message>
        <message>
            <source>Lost</source>
            <translation>输单</translation>
        </message>
        <message>
            <source>Win rate</source>
            <translation>赢单率</translation>
        </message>
        <message>
            <source>Win rate (value)</source>
            <translation>赢单率（金额）</translation>
        </message>
        <message>
            <source>Average deal</source>
            <translation>平均成交金额</translation>
        </message>
        <message>
            <source>Cycle (days)</source>
            <translation>销售周期（天）</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
    </context>
    <context>
        <name>PeriodChooser</name>
        <message>
            <source>Analytics period</source>
            <translation>分析期间</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>期间</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>本月</translation>
        </message>
        <message>
            <source>This quarter</source>
            <translation>本季度</translation>
        </message>
        <message>
            <source>This year</source>
            <translation>今年</translation>
        </message>
        <message>
            <source>Last 12 months</source>
            <translation>最近 12 个月</translation>
        </message>
        <message>
            <source>Custom…</source>
            <translation>自定义…</translation>
        </message>
        <message>
            <source>Compared with %1</source>
            <translation>对比 %1</translation>
        </message>
    </context>
    <context>
        <name>PeriodDialog</name>
        <message>
            <source>Both days count. Type a date as %1, or pick it from the calendar.</source>
            <translation>起止两天都计算在内。日期可输入为 %1，也可从日历中选择。</translation>
        </message>
        <message>
            <source>From</source>
            <translation>从</translation>
        </message>
        <message>
            <source>To</source>
            <translation>到</translation>
        </message>
        <message>
            <source>Expected close period</source>
            <translation>预计成交时间段</translation>
        </message>
        <message>
            <source>Enter both dates.</source>
            <translation>请填写开始和结束两个日期。</translation>
        </message>
        <message>
            <source>The start is after the end.</source>
            <translation>开始日期晚于结束日期。</translation>
        </message>
    </context>
    <context>
        <name>PipelineEditor</name>
        <message>
            <source>Stage colour</source>
            <translation>阶段颜色</translation>
        </message>
        <message>
            <source>Pipelines and stages</source>
            <translation>销售漏斗与阶段</translation>
        </message>
        <message>
            <source>&amp;Pipelines</source>
            <translation>销售漏斗(&amp;P)</translation>
        </message>
        <message>
            <source>Pipelines</source>
            <translation>销售漏斗</translation>
        </message>
        <message>
            <source>&amp;New pipeline</source>
            <translation>新建销售漏斗(&amp;N)</translation>
        </message>
        <message>
            <source>Blank pipeline</source>
            <translation>空白销售漏斗</translation>
        </message>
        <message>
            <source>From template: %1</source>
            <translation>来自模板：%1</translation>
        </message>
        <message>
            <source>De&amp;lete</source>
            <translation>删除(&amp;L)</translation>
        </message>
        <message>
            <source>Pipeline na&amp;me:</source>
            <translation>漏斗名称(&amp;M)：</translation>
        </message>
        <message>
            <source>S&amp;tages</source>
            <translation>阶段(&amp;T)</translation>
        </message>
        <message>
            <source>Double-click a cell to edit it; drag a row or use Move up / Move down to reorder. Won and Lost stay at the end.</source>
            <translation>双击单元格即可编辑；拖动行或用“上移 / 下移”调整顺序。赢单和输单始终排在最后。</translation>
        </message>
        <message>
            <source>Stages</source>
            <translation>阶段</translation>
        </message>
        <message>
            <source>&amp;Add stage</source>
            <translation>添加阶段(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Remove stage</source>
            <translation>删除阶段(&amp;R)</translation>
        </message>
        <message>
            <source>Move &amp;up</source>
            <translation>上移(&amp;U)</translation>
        </message>
        <message>
            <source>Move do&amp;wn</source>
            <translation>下移(&amp;W)</translation>
        </message>
        <message>
            <source>&amp;Colour…</source>
            <translation>颜色(&amp;C)…</translation>
        </message>
        <message>
            <source>The stage's colour on the board and in charts</source>
            <translation>阶段在看板和图表中的颜色</translation>
        </message>
        <message>
            <source>No colour</source>
            <translation>无颜色</translation>
        </message>
        <message>
            <source>Move the stage up (Alt+Up)</source>
            <translation>上移阶段（Alt+Up）</translation>
        </message>
        <message>
            <source>Move the stage down (Alt+Down)</source>
            <translation>下移阶段（Alt+Down）</translation>
        </message>
        <message>
            <source>Advancement &amp;questions for this stage, one per line:</source>
            <translation>本阶段的推进问题(&amp;Q)，每行一个：</translation>
        </message>
        <message>
            <source>e.g. Who is on the decision chain?</source>
            <translation>例如：决策链上有哪些人？</translation>
        </message>
        <message>
            <source>Advancement questions</source>
            <translation>推进问题</translation>
        </message>
        <message>
            <source>%1 deals</source>
            <translation>%1 个商机</translation>
        </message>
        <message>
            <source>Pipeline “%1”</source>
            <translation>销售漏斗“%1”</translation>
        </message>
        <message>
            <source>(no name)</source>
            <translation>（未命名）</translation>
        </message>
        <message>
            <source>New pipeline</source>
            <translation>新销售漏斗</translation>
        </message>
        <message>
            <source>First contact</source>
            <translation>初步接触</translation>
        </message>
        <message>
            <source>Won</source>
            <translation>赢单</translation>
        </message>
        <message>
            <source>Lost</source>
            <translation>输单</translation>
        </message>
        <message>
            <source>New pipeline “%1”</source>
            <translation>新建销售漏斗“%1”</translation>
        </message>
        <message>
            <source>Delete pipeline</source>
            <translation>删除销售漏斗</translation>
        </message>
        <message>
            <source>Delete the pipeline “%1” and its stages?</source>
            <translation>删除销售漏斗“%1”及其所有阶段吗？</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Delete pipeline “%1”</source>
            <translation>删除销售漏斗“%1”</translation>
        </message>
        <message>
            <source>Only a pipeline without deals can be deleted</source>
            <translation>只能删除没有商机的销售漏斗</translation>
        </message>
        <message>
            <source>New stage</source>
            <translation>新阶段</translation>
        </message>
        <message>
            <source>New stage %1</source>
            <translation>新阶段 %1</translation>
        </message>
        <message>
            <source>Remove stage</source>
            <translation>删除阶段</translation>
        </message>
        <message>
            <source>The deals of “%1” need a saved stage to move to: save the new stages first.</source>
            <translation>“%1”中的商机需要移到已保存的阶段：请先保存新阶段。</translation>
        </message>
        <message>
            <source>Stage “%1”: %2</source>
            <translation>阶段“%1”：%2</translation>
        </message>
        <message>
            <source>Edit pipeline “%1”</source>
            <translation>编辑销售漏斗“%1”</translation>
        </message>
    </context>
    <context>
        <name>PlanningPanel</name>
        <message>
            <source>Reverse planning</source>
            <translation>目标倒推</translation>
        </message>
        <message>
            <source>Wins needed = target ÷ average won deal, or summed over size bands by their share of the history's won value ÷ the band's average deal. Then up the funnel: needed(stage) = needed(next) ÷ conversion(stage → next), rounded up, compared with the deals open in the stage now.</source>
            <translation>所需赢单数 = 目标 ÷ 平均成交金额；或按历史赢单金额中各金额区间的占比拆分目标，再 ÷ 该区间的平均成交金额后求和。然后沿漏斗向上倒推：某阶段所需数 = 下一阶段所需数 ÷ 该阶段到下一阶段的转化率，向上取整，并与该阶段当前的进行中商机对比。</translation>
        </message>
        <message>
            <source>e.g. 500,000 or 50万</source>
            <translation>例如 500,000 或 50万</translation>
        </message>
        <message>
            <source>Last 6 months</source>
            <translation>最近 6 个月</translation>
        </message>
        <message>
            <source>Last 12 months</source>
            <translation>最近 12 个月</translation>
        </message>
        <message>
            <source>Last 24 months</source>
            <translation>最近 24 个月</translation>
        </message>
        <message>
            <source>The page's period</source>
            <translation>本页的期间</translation>
        </message>
        <message>
            <source>Historical conversions</source>
            <translation>历史转化率</translation>
        </message>
        <message>
            <source>Ideal conversions (stage settings)</source>
            <translation>理想转化率（阶段设置）</translation>
        </message>
        <message>
            <source>Size-band mix</source>
            <translation>按金额区间拆分</translation>
        </message>
        <message>
            <source>Sum the wins needed over deal-size bands by the history's mix instead of one average deal</source>
            <translation>按历史上各金额区间的构成分别计算所需赢单数再求和，而不是只用一个平均成交金额</translation>
        </message>
        <message>
            <source>Plan</source>
            <translation>倒推</translation>
        </message>
        <message>
            <source>Revenue target</source>
            <translation>收入目标</translation>
        </message>
        <message>
            <source>Learn from</source>
            <translation>参考期间</translation>
        </message>
        <message>
            <source>Conversions</source>
            <translation>转化率</translation>
        </message>
        <message>
            <source>Deal size</source>
            <translation>商机金额</translation>
        </message>
        <message>
            <source>Won in history</source>
            <translation>历史赢单</translation>
        </message>
        <message>
            <source>Share of value</source>
            <translation>金额占比</translation>
        </message>
        <message>
            <source>Wins needed</source>
            <translation>所需赢单数</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>阶段</translation>
        </message>
        <message>
            <source>Conversion to next</source>
            <translation>到下一阶段转化率</translation>
        </message>
        <message>
            <source>Needed</source>
            <translation>所需</translation>
        </message>
        <message>
            <source>Open now</source>
            <translation>当前进行中</translation>
        </message>
        <message>
            <source>Shortfall</source>
            <translation>缺口</translation>
        </message>
        <message>
            <source>needed</source>
            <translation>所需</translation>
        </message>
        <message>
            <source>open now</source>
            <translation>当前进行中</translation>
        </message>
        <message>
            <source>shortfall</source>
            <translation>缺口</translation>
        </message>
        <message>
            <source>Enter a revenue target, e.g. 500,000 or 50万.</source>
            <translation>请输入收入目标，例如 500,000 或 50万。</translation>
        </message>
        <message>
            <source>No won deal that matches the filters closed in %1, so there is nothing to plan from. Clear a filter or learn from a longer period.</source>
            <translation>%1 没有符合筛选条件的赢单，无法据此倒推。请清除一个筛选条件，或改用更长的学习期间。</translation>
        </message>
        <message>
            <source>No deal was won in %1, so the average won deal is unknown. Learn from a longer period.</source>
            <translation>%1 没有赢单，因此平均赢单金额未知。请改用更长的学习期间。</translation>
        </message>
        <message>
            <source>Enter a target and press Plan to see the wins and the deals needed at every stage.</source>
            <translation>输入目标并点击“倒推”，即可看到所需赢单数和每个阶段所需的商机数。</translation>
        </message>
        <message>
            <source>To reach %1: %2 wins (average won deal %3).</source>
            <translation>要达成 %1：需要赢单 %2 个（平均成交金额 %3）。</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>No deal has passed “%1” yet in the history, so its conversion is 0: the plan stops below it.</source>
            <translation>历史上还没有商机通过“%1”，其转化率为 0：倒推到这一阶段为止。</translation>
        </message>
        <message>
            <source>Learned from %1%2; open now: deals in each stage today.</source>
            <translation>参考 %1%2；当前进行中：今天各阶段的商机。</translation>
        </message>
        <message>
            <source> (ideal conversions)</source>
            <translation>（理想转化率）</translation>
        </message>
        <message>
            <source>%1 needed · %2 open</source>
            <translation>需 %1 · 有 %2</translation>
        </message>
    </context>
    <context>
        <name>QAbstractFileIconProvider</name>
        <message>
            <source>Folder</source>
            <comment>All other platforms</comment>
            <translation>文件夹</translation>
        </message>
        <message>
            <source>Drive</source>
            <translation>驱动器</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>未知</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <translation>查找范围(&amp;L)：</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>文件类型(&amp;T)：</translation>
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <source>Mark as won</source>
            <translation>标记为赢单</translation>
        </message>
        <message>
            <source>Mark as lost</source>
            <translation>标记为输单</translation>
        </message>
        <message>
            <source>Why was this deal won?</source>
            <translation>这个商机为什么赢单？</translation>
        </message>
        <message>
            <source>Why were these %1 deals won?</source>
            <translation>这 %1 个商机为什么赢单？</translation>
        </message>
        <message>
            <source>Why was this deal lost?</source>
            <translation>这个商机为什么输单？</translation>
        </message>
        <message>
            <source>Why were these %1 deals lost?</source>
            <translation>这 %1 个商机为什么输单？</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Note (optional)</source>
            <translation>备注（可选）</translation>
        </message>
        <message>
            <source>What happened, what to remember next time…</source>
            <translation>发生了什么，下次要记住什么…</translation>
        </message>
        <message>
            <source>Mark won</source>
            <translation>标记赢单</translation>
        </message>
        <message>
            <source>Mark lost</source>
            <translation>标记输单</translation>
        </message>
        <message>
            <source>There are no kept reasons yet; add them in the settings.</source>
            <translation>还没有预设的原因；请在设置中添加。</translation>
        </message>
    </context>
    <context>
        <name>ReasonsPanel</name>
        <message>
            <source>Won and lost reasons</source>
            <translation>赢单与输单原因</translation>
        </message>
        <message>
            <source>Reasons</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Categories</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>won</source>
            <translation>赢单</translation>
        </message>
        <message>
            <source>lost</source>
            <translation>输单</translation>
        </message>
        <message>
            <source>Won</source>
            <translation>赢单</translation>
        </message>
        <message>
            <source>Lost</source>
            <translation>输单</translation>
        </message>
        <message>
            <source>(no category)</source>
            <translation>（无类别）</translation>
        </message>
        <message>
            <source>(no reason kept)</source>
            <translation>（未记录原因）</translation>
        </message>
        <message>
            <source>%1 · %2 · %3</source>
            <translation>%1 · %2 · %3</translation>
        </message>
        <message>
            <source>Nothing closed in the period</source>
            <translation>本期没有结单</translation>
        </message>
        <message>
            <source>No deal was won or lost in %1, so there are no reasons to show.</source>
            <translation>%1 没有赢单或输单的商机，因此没有可显示的原因。</translation>
        </message>
        <message>
            <source>No deal that matches the filters was won or lost in %1.</source>
            <translation>%1 没有符合筛选条件的商机赢单或输单。</translation>
        </message>
        <message>
            <source>Closed %1: %2 won (%3), %4 lost (%5). Share: of the won or lost total, by %6.</source>
            <translation>%1 结单：赢单 %2 个（%3），输单 %4 个（%5）。占比：占赢单或输单总%6的比例。</translation>
        </message>
        <message>
            <source>value</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>count</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>%1
%2 deals (%3 of the count)
%4 (%5 of the value)</source>
            <translation>%1
%2 个商机（占数量的 %3）
%4（占金额的 %5）</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Deals</source>
            <translation>商机数</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Share of count</source>
            <translation>数量占比</translation>
        </message>
        <message>
            <source>Share of value</source>
            <translation>金额占比</translation>
        </message>
    </context>
    <context>
        <name>SavedNotice</name>
        <message>
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <source>Show in folder</source>
            <translation>在文件夹中显示</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>已保存 %1</translation>
        </message>
    </context>
    <context>
        <name>SegmentsCard</name>
        <message>
            <source>Open deals</source>
            <translation>进行中商机</translation>
        </message>
        <message>
            <source>Pipeline</source>
            <translation>漏斗金额</translation>
        </message>
        <message>
            <source>Weighted</source>
            <translation>加权金额</translation>
        </message>
        <message>
            <source>Won deals</source>
            <translation>赢单数</translation>
        </message>
        <message>
            <source>Won value</source>
            <translation>赢单金额</translation>
        </message>
        <message>
            <source>Lost deals</source>
            <translation>输单数</translation>
        </message>
        <message>
            <source>Win rate (count)</source>
            <translation>赢单率（数量）</translation>
        </message>
        <message>
            <source>Win rate (value)</source>
            <translation>赢单率（金额）</translation>
        </message>
        <message>
            <source>Lead-to-win rate</source>
            <translation>总体赢单率</translation>
        </message>
        <message>
            <source>Overall conversion</source>
            <translation>总体转化率</translation>
        </message>
        <message>
            <source>Average deal</source>
            <translation>平均成交金额</translation>
        </message>
        <message>
            <source>Median deal</source>
            <translation>成交金额中位数</translation>
        </message>
        <message>
            <source>Sales cycle (days)</source>
            <translation>销售周期（天）</translation>
        </message>
        <message>
            <source>Velocity per day</source>
            <translation>每天销售速度</translation>
        </message>
        <message>
            <source>Two segments side by side</source>
            <translation>两个细分对比</translation>
        </message>
        <message>
            <source>Both segments over the same period and the page's filters; each number follows its own rule (hover a number's name). A returning customer's deal: the customer had won a deal before this one was created.</source>
            <translation>两个细分使用相同的期间和本页的筛选条件；每个数字按各自的规则计算（鼠标悬停在指标名称上可查看）。老客户的商机：该商机创建之前，客户已有赢单。</translation>
        </message>
        <message>
            <source>New vs returning customers</source>
            <translation>新客户与老客户</translation>
        </message>
        <message>
            <source>Big vs small projects</source>
            <translation>大项目与小项目</translation>
        </message>
        <message>
            <source>Big projects</source>
            <translation>大项目</translation>
        </message>
        <message>
            <source>Small projects</source>
            <translation>小项目</translation>
        </message>
        <message>
            <source>New customers</source>
            <translation>新客户</translation>
        </message>
        <message>
            <source>Returning customers</source>
            <translation>老客户</translation>
        </message>
        <message>
            <source>%1 · as of %2. Difference: right minus left (rates in percentage points).</source>
            <translation>%1 · 截至 %2。差异：右减左（比率以百分点计）。</translation>
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <source>Follow the system (%1)</source>
            <translation>跟随系统（%1）</translation>
        </message>
        <message>
            <source>Open deals and coverage</source>
            <translation>进行中商机与覆盖</translation>
        </message>
        <message>
            <source>Lumpy months</source>
            <translation>收入集中</translation>
        </message>
        <message>
            <source>Busy but thin</source>
            <translation>忙而不实</translation>
        </message>
        <message>
            <source>Deal sizes and bottlenecks</source>
            <translation>商机金额与瓶颈</translation>
        </message>
        <message>
            <source>Decision makers</source>
            <translation>决策人</translation>
        </message>
        <message>
            <source>Too few open deals: warn below</source>
            <translation>进行中商机太少：跟进中少于</translation>
        </message>
        <message>
            <source> deals</source>
            <translation> 个商机</translation>
        </message>
        <message>
            <source>in follow-up</source>
            <translation>时提醒</translation>
        </message>
        <message>
            <source>Pipeline coverage: warn below</source>
            <translation>漏斗覆盖不足：低于距目标尚差金额的</translation>
        </message>
        <message>
            <source> ×</source>
            <translation> 倍</translation>
        </message>
        <message>
            <source>what is still missing to the target</source>
            <translation>时提醒</translation>
        </message>
        <message>
            <source>One month holds more than</source>
            <translation>集中月：单月占比超过</translation>
        </message>
        <message>
            <source> %</source>
            <translation> %</translation>
        </message>
        <message>
            <source>of the expected value</source>
            <translation>（按预计金额）</translation>
        </message>
        <message>
            <source>…and the months after it are empty for</source>
            <translation>…且其后连续空月</translation>
        </message>
        <message>
            <source> months</source>
            <translation> 个月</translation>
        </message>
        <message>
            <source>A month counts as empty below</source>
            <translation>空月：单月占比低于</translation>
        </message>
        <message>
            <source>Months looked at, from this one</source>
            <translation>观察月数（从本月起）</translation>
        </message>
        <message>
            <source>Busy: at least</source>
            <translation>忙碌：至少记录</translation>
        </message>
        <message>
            <source> follow-ups</source>
            <translation> 次跟进</translation>
        </message>
        <message>
            <source>logged on open deals</source>
            <translation>（进行中商机上）</translation>
        </message>
        <message>
            <source>…and fewer than</source>
            <translation>…且少于</translation>
        </message>
        <message>
            <source>of open deals past the first stage</source>
            <translation>的进行中商机越过第一阶段</translation>
        </message>
        <message>
            <source>Small deals are the first</source>
            <translation>小单指最低的</translation>
        </message>
        <message>
            <source> size bands</source>
            <translation> 个金额区间</translation>
        </message>
        <message>
            <source>Bottleneck: a conversion below</source>
            <translation>瓶颈：转化率低于</translation>
        </message>
        <message>
            <source>the median of the other stages</source>
            <translation>其他阶段的中位数</translation>
        </message>
        <message>
            <source>…or further below its ideal than</source>
            <translation>…或比理想值低超过</translation>
        </message>
        <message>
            <source> points</source>
            <translation> 个百分点</translation>
        </message>
        <message>
            <source>Judge a stage once at least</source>
            <translation>至少有</translation>
        </message>
        <message>
            <source>reached it</source>
            <translation>到达后才判断该阶段</translation>
        </message>
        <message>
            <source>A decision maker may be unknown in the first</source>
            <translation>决策人可暂时不明：前</translation>
        </message>
        <message>
            <source> open stages</source>
            <translation> 个进行中阶段</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>&amp;General</source>
            <translation>常规(&amp;G)</translation>
        </message>
        <message>
            <source>&amp;Deals and customers</source>
            <translation>商机与客户(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Health checks</source>
            <translation>健康检查(&amp;H)</translation>
        </message>
        <message>
            <source>Probabilities, idle limits, ideal conversions and advancement questions of each stage are set in Tools ▸ Pipelines.</source>
            <translation>各阶段的成交可能性、停滞期限、理想转化率和推进问题在“工具 ▸ 销售漏斗与阶段”中设置。</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>&amp;Restore defaults</source>
            <translation>恢复默认值(&amp;R)</translation>
        </message>
        <message>
            <source>Put the numbers back to the defaults (the name, the currency and the language stay)</source>
            <translation>把各项数值恢复为默认值（名称、货币和语言保持不变）</translation>
        </message>
        <message>
            <source>Only an admin may change the business's settings.</source>
            <translation>只有管理员可以修改企业的设置。</translation>
        </message>
        <message>
            <source>e.g. Acme Trading Co.</source>
            <translation>如：某某贸易公司</translation>
        </message>
        <message>
            <source>&amp;Business name:</source>
            <translation>企业名称(&amp;B)：</translation>
        </message>
        <message>
            <source>Printed at the top of the weekly report.</source>
            <translation>打印在周报顶部。</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>语言(&amp;L)：</translation>
        </message>
        <message>
            <source>The window is shown again in the new language when you save.</source>
            <translation>保存后，窗口会以新语言重新显示。</translation>
        </message>
        <message>
            <source>&amp;Currency:</source>
            <translation>货币(&amp;C)：</translation>
        </message>
        <message>
            <source>Only the sign shown changes; amounts are not converted.</source>
            <translation>只改变显示的货币符号，金额不做换算。</translation>
        </message>
        <message>
            <source>Show large amounts in 万 and 亿 in Chinese (12.5万)</source>
            <translation>中文界面下大金额以万、亿显示（12.5万）</translation>
        </message>
        <message>
            <source>&amp;Week starts on:</source>
            <translation>每周开始于(&amp;W)：</translation>
        </message>
        <message>
            <source>Used by the weekly report.</source>
            <translation>用于周报。</translation>
        </message>
        <message>
            <source> backups</source>
            <translation> 份备份</translation>
        </message>
        <message>
            <source>&amp;Keep the last:</source>
            <translation>保留最近(&amp;K)：</translation>
        </message>
        <message>
            <source>A backup is made each time the database is opened; older ones are deleted.</source>
            <translation>每次打开数据库时都会自动备份，更早的备份会被删除。</translation>
        </message>
        <message>
            <source>A/B/C/D classes</source>
            <translation>A/B/C/D 分级</translation>
        </message>
        <message>
            <source>A big and soon · B small and soon · C big but far · D small and far.</source>
            <translation>A 金额大、成交近 · B 金额小、成交近 · C 金额大、成交远 · D 金额小、成交远。</translation>
        </message>
        <message>
            <source>&amp;Big deal from:</source>
            <translation>大单起点(&amp;B)：</translation>
        </message>
        <message>
            <source>A deal of this amount or more is big.</source>
            <translation>金额达到或超过此值的商机算大单。</translation>
        </message>
        <message>
            <source> days</source>
            <translation> 天</translation>
        </message>
        <message>
            <source>S&amp;oon means within:</source>
            <translation>近期是指(&amp;O)：</translation>
        </message>
        <message>
            <source>Expected to close within this many days from today.</source>
            <translation>预计从今天起在这么多天内成交。</translation>
        </message>
        <message>
            <source>Idle deals</source>
            <translation>停滞商机</translation>
        </message>
        <message>
            <source>No limit</source>
            <translation>不限</translation>
        </message>
        <message>
            <source>Default &amp;idle limit:</source>
            <translation>默认停滞期限(&amp;I)：</translation>
        </message>
        <message>
            <source>For stages without their own limit: a deal with no stage change or follow-up for longer is idle (“rotting”).</source>
            <translation>用于没有单独设定期限的阶段：商机超过这段时间没有阶段变化或跟进，即视为停滞（“烂单”）。</translation>
        </message>
        <message>
            <source>Salespeople may read (not change) the deals of their team</source>
            <translation>销售员可以查看（不能修改）本团队的商机</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>团队</translation>
        </message>
        <message>
            <source>When the health check reports a problem. The defaults follow common practice.</source>
            <translation>健康检查在什么情况下报告问题。默认值遵循常见做法。</translation>
        </message>
        <message>
            <source>Write the big-deal amount as a positive number, like 100,000 (not “%1”).</source>
            <translation>大单金额请写成正数，例如 100,000（不能是“%1”）。</translation>
        </message>
        <message>
            <source>An empty month must hold less of the expected value than a lumpy one (%1 % is not below %2 %).</source>
            <translation>“空月”的预计金额占比必须低于“集中月”（%1 % 不低于 %2 %）。</translation>
        </message>
    </context>
    <context>
        <name>SetupForm</name>
        <message>
            <source>&amp;Business name:</source>
            <translation>企业名称(&amp;B)：</translation>
        </message>
        <message>
            <source>e.g. Acme Trading Co.</source>
            <translation>如：某某贸易公司</translation>
        </message>
        <message>
            <source>Shown in the window's title and on the reports.</source>
            <translation>显示在窗口标题和报告上。</translation>
        </message>
        <message>
            <source>&amp;Currency:</source>
            <translation>货币(&amp;C)：</translation>
        </message>
        <message>
            <source>The amounts are kept in this currency; Settings can change how it is shown later.</source>
            <translation>金额以此货币保存；以后可在“设置”中更改显示方式。</translation>
        </message>
        <message>
            <source>Your sales s&amp;tages: pick the template closest to how you sell</source>
            <translation>你的销售阶段(&amp;T)：选择最接近你销售方式的模板</translation>
        </message>
        <message>
            <source>Pipeline templates</source>
            <translation>销售漏斗模板</translation>
        </message>
        <message>
            <source>Stages of the chosen template</source>
            <translation>所选模板的阶段</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>阶段</translation>
        </message>
        <message>
            <source>Win chance</source>
            <translation>成交可能性</translation>
        </message>
    </context>
    <context>
        <name>SizeBandsPanel</name>
        <message>
            <source>Deal sizes</source>
            <translation>商机金额分布</translation>
        </message>
        <message>
            <source>open now</source>
            <translation>当前进行中</translation>
        </message>
        <message>
            <source>won</source>
            <translation>赢单</translation>
        </message>
        <message>
            <source>lost</source>
            <translation>输单</translation>
        </message>
        <message>
            <source>win rate %1</source>
            <translation>赢单率 %1</translation>
        </message>
        <message>
            <source>Open: now. Won and lost: closed %1.</source>
            <translation>进行中：当前。赢单和输单：%1 结单。</translation>
        </message>
        <message>
            <source>No deal is open now and none was won or lost in %1.</source>
            <translation>目前没有进行中的商机，%1 也没有赢单或输单的商机。</translation>
        </message>
        <message>
            <source>No deal that matches the filters is open now or was won or lost in %1.</source>
            <translation>目前没有符合筛选条件的进行中商机，%1 也没有此类商机赢单或输单。</translation>
        </message>
        <message>
            <source>%1
Open: %2 deals, %3 (weighted %4)
Won: %5 deals, %6
Lost: %7 deals, %8
Win rate: %9</source>
            <translation>%1
进行中：%2 个商机，%3（加权 %4）
赢单：%5 个商机，%6
输单：%7 个商机，%8
赢单率：%9</translation>
        </message>
        <message>
            <source>From</source>
            <translation>从</translation>
        </message>
        <message>
            <source>Below</source>
            <translation>低于</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>进行中</translation>
        </message>
        <message>
            <source>Open amount</source>
            <translation>进行中金额</translation>
        </message>
        <message>
            <source>Weighted</source>
            <translation>加权金额</translation>
        </message>
        <message>
            <source>Won</source>
            <translation>赢单</translation>
        </message>
        <message>
            <source>Won amount</source>
            <translation>赢单金额</translation>
        </message>
        <message>
            <source>Lost</source>
            <translation>输单</translation>
        </message>
        <message>
            <source>Lost amount</source>
            <translation>输单金额</translation>
        </message>
        <message>
            <source>Win rate</source>
            <translation>赢单率</translation>
        </message>
    </context>
    <context>
        <name>StageColumn</name>
        <message>
            <source>New deal in %1: title and amount</source>
            <translation>在“%1”新建商机：名称和金额</translation>
        </message>
        <message>
            <source>+ New deal: title and amount</source>
            <translation>+ 新建商机：名称和金额</translation>
        </message>
        <message>
            <source>Type a title, optionally followed by an amount (e.g. “Server upgrade 12,500”), and press Enter.</source>
            <translation>输入名称，后面可以跟金额（例如“服务器升级 12,500”），然后按回车。</translation>
        </message>
        <message>
            <source>No deals here yet.
Drag cards here or add one above.</source>
            <translation>这里还没有商机。
把卡片拖到这里，或在上方添加。</translation>
        </message>
    </context>
    <context>
        <name>StageTableModel</name>
        <message>
            <source>Stage</source>
            <translation>阶段</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Probability %</source>
            <translation>成交可能性 %</translation>
        </message>
        <message>
            <source>Idle days</source>
            <translation>停滞天数</translation>
        </message>
        <message>
            <source>Ideal conversion %</source>
            <translation>理想转化率 %</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>颜色</translation>
        </message>
        <message>
            <source>Deals</source>
            <translation>商机数</translation>
        </message>
        <message>
            <source>The stage's name on the board</source>
            <translation>阶段在看板上显示的名称</translation>
        </message>
        <message>
            <source>Open stages hold deals in progress; Won and Lost close them</source>
            <translation>进行中阶段放正在推进的商机；赢单和输单阶段用于结单</translation>
        </message>
        <message>
            <source>Default win chance of a deal in this stage, 0 to 100 (a deal's own probability overrides it)</source>
            <translation>本阶段商机默认的成交可能性，0 到 100（商机自己设定的可能性优先）</translation>
        </message>
        <message>
            <source>A deal with no stage change or follow-up for longer is idle (empty: the default limit in Settings)</source>
            <translation>商机超过这段时间没有阶段变化或跟进即为停滞（留空：使用设置中的默认期限）</translation>
        </message>
        <message>
            <source>The conversion you aim for from this stage to the next, 0 to 100 (drawn over the actual funnel)</source>
            <translation>从本阶段到下一阶段的目标转化率，0 到 100（画在实际漏斗上对比）</translation>
        </message>
        <message>
            <source>Double-click to choose a colour</source>
            <translation>双击选择颜色</translation>
        </message>
        <message>
            <source>Deals in the stage now</source>
            <translation>当前在该阶段的商机</translation>
        </message>
        <message>
            <source>The ideal conversion must be a whole number from 0 to 100, not “%1”.</source>
            <translation>理想转化率必须是 0 到 100 之间的整数，不能是“%1”。</translation>
        </message>
    </context>
    <context>
        <name>Stages</name>
        <message>
            <source>Open</source>
            <translation>进行中</translation>
        </message>
        <message>
            <source>Won</source>
            <translation>赢单</translation>
        </message>
        <message>
            <source>Lost</source>
            <translation>输单</translation>
        </message>
        <message>
            <source>%1 %</source>
            <translation>%1 %</translation>
        </message>
    </context>
    <context>
        <name>TargetBars</name>
        <message>
            <source>Won from the first day of the month (quarter) to today ÷ the target. A month without its own target takes its even share of the quarter's or year's; the quarter's target is the sum of its months'.</source>
            <translation>从本月（本季度）第一天到今天的赢单金额 ÷ 目标。没有单独目标的月份按季度或年度目标平均分摊；季度目标为其各月目标之和。</translation>
        </message>
        <message>
            <source>%1 target · %2</source>
            <translation>%1 目标 · %2</translation>
        </message>
        <message>
            <source>%3 · %1 of %2</source>
            <translation>%3 · %1 / %2</translation>
        </message>
        <message>
            <source>%1 still to win</source>
            <translation>尚差 %1</translation>
        </message>
        <message>
            <source>%1 won · no target set</source>
            <translation>已赢单 %1 · 未设定目标</translation>
        </message>
        <message>
            <source>whole business</source>
            <translation>全公司</translation>
        </message>
    </context>
    <context>
        <name>TargetTile</name>
        <message>
            <source>Target this month</source>
            <translation>本月目标</translation>
        </message>
        <message>
            <source>Won from the first day of the month to today ÷ the month's target (its own, else its even share of the quarter's or year's), for the filtered owner or team, else the whole business.</source>
            <translation>本月 1 日至今的赢单金额 ÷ 本月目标（本月自己的目标，否则按季度或年度目标平均分摊），按筛选的负责人或团队计算，否则为全公司。</translation>
        </message>
        <message>
            <source>%1 of %2</source>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <source>%1 won · no target set</source>
            <translation>已赢单 %1 · 未设目标</translation>
        </message>
    </context>
    <context>
        <name>TargetsDialog</name>
        <message>
            <source>Revenue targets</source>
            <translation>收入目标</translation>
        </message>
        <message>
            <source>The whole business</source>
            <translation>整个企业</translation>
        </message>
        <message>
            <source>A team</source>
            <translation>某个团队</translation>
        </message>
        <message>
            <source>A salesperson</source>
            <translation>某个销售员</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>月</translation>
        </message>
        <message>
            <source>Quarter</source>
            <translation>季度</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>年</translation>
        </message>
        <message>
            <source>e.g. 500,000 or 50万</source>
            <translation>例如 500,000 或 50万</translation>
        </message>
        <message>
            <source>For</source>
            <translation>对象</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>具体是</translation>
        </message>
        <message>
            <source>Period type</source>
            <translation>期间类型</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>期间</translation>
        </message>
        <message>
            <source>Revenue target</source>
            <translation>收入目标</translation>
        </message>
        <message>
            <source>Save target</source>
            <translation>保存目标</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>目标</translation>
        </message>
        <message>
            <source>Targets already set for this scope</source>
            <translation>此范围已设定的目标</translation>
        </message>
        <message>
            <source>Enter the target, e.g. 500,000 or 50万.</source>
            <translation>请输入目标，例如 500,000 或 50万。</translation>
        </message>
        <message>
            <source>Choose who the target is for.</source>
            <translation>请选择目标对象。</translation>
        </message>
        <message>
            <source>Set target for %1</source>
            <translation>设定 %1 的目标</translation>
        </message>
        <message>
            <source>Saved: %1 for %2.</source>
            <translation>已保存：%2 的目标为 %1。</translation>
        </message>
    </context>
    <context>
        <name>TriChoice</name>
        <message>
            <source>Unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>No</source>
            <translation>否</translation>
        </message>
    </context>
    <context>
        <name>VelocityCard</name>
        <message>
            <source>Sales velocity</source>
            <translation>销售速度</translation>
        </message>
        <message>
            <source>Open deals</source>
            <translation>进行中商机</translation>
        </message>
        <message>
            <source>Win rate</source>
            <translation>赢单率</translation>
        </message>
        <message>
            <source>Average deal</source>
            <translation>平均成交金额</translation>
        </message>
        <message>
            <source>Cycle (days)</source>
            <translation>销售周期（天）</translation>
        </message>
        <message>
            <source>Velocity per day</source>
            <translation>每天销售速度</translation>
        </message>
        <message>
            <source>Open deals now; win rate, average deal and cycle of the deals closed %1. Unknown (—) when no deal was won.</source>
            <translation>进行中商机为当前数；赢单率、平均成交金额和销售周期按 %1 结单的商机计算。没有赢单时显示为未知（—）。</translation>
        </message>
        <message>
            <source>Cycle days</source>
            <translation>周期天数</translation>
        </message>
    </context>
    <context>
        <name>WeeklyReport</name>
        <message>
            <source>Bars: deals created %1 that reached the stage</source>
            <translation>条形：%1 创建、到达该阶段的商机</translation>
        </message>
        <message>
            <source>Beside: in the stage now, deals · value</source>
            <translation>右侧：当前在该阶段的商机数 · 金额</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>已逾期</translation>
        </message>
        <message>
            <source>Weighted</source>
            <translation>加权金额</translation>
        </message>
        <message>
            <source>P10–P90 (tick: P50)</source>
            <translation>P10–P90（短横：P50）</translation>
        </message>
        <message>
            <source>This month's target</source>
            <translation>本月目标</translation>
        </message>
        <message>
            <source>Weekly funnel report</source>
            <translation>销售漏斗周报</translation>
        </message>
        <message>
            <source>%1 · page %2 of %3</source>
            <translation>%1 · 第 %2 页，共 %3 页</translation>
        </message>
        <message>
            <source>and %1 more · %2</source>
            <translation>另有 %1 笔 · %2</translation>
        </message>
        <message>
            <source>No reason recorded</source>
            <translation>未记录原因</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Deals</source>
            <translation>商机数</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Deal</source>
            <translation>商机</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>负责人</translation>
        </message>
        <message>
            <source>All sales</source>
            <translation>全部销售</translation>
        </message>
        <message>
            <source>Team: %1</source>
            <translation>团队：%1</translation>
        </message>
        <message>
            <source>Salesperson: %1</source>
            <translation>销售员：%1</translation>
        </message>
        <message>
            <source>%1 · week %2 (%3 – %4) · pipeline %5</source>
            <translation>%1 · 周次 %2（%3 – %4）· 销售漏斗：%5</translation>
        </message>
        <message>
            <source>There are no deals in this scope yet. Add deals on the board, or import a spreadsheet, and the report fills itself.</source>
            <translation>此范围内还没有商机。在看板上添加商机或导入表格后，周报会自动生成内容。</translation>
        </message>
        <message>
            <source>Key figures</source>
            <translation>关键指标</translation>
        </message>
        <message>
            <source>Open deals</source>
            <translation>进行中商机</translation>
        </message>
        <message>
            <source>Pipeline value</source>
            <translation>漏斗金额</translation>
        </message>
        <message>
            <source>Weighted value</source>
            <translation>加权金额</translation>
        </message>
        <message>
            <source>New deals</source>
            <translation>新增商机</translation>
        </message>
        <message>
            <source>Won</source>
            <translation>赢单</translation>
        </message>
        <message>
            <source>Lost</source>
            <translation>输单</translation>
        </message>
        <message>
            <source>Win rate (closed this week)</source>
            <translation>赢单率（本周结单）</translation>
        </message>
        <message>
            <source>Figure</source>
            <translation>指标</translation>
        </message>
        <message>
            <source>This week</source>
            <translation>本周</translation>
        </message>
        <message>
            <source>Last week</source>
            <translation>上周</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>变化</translation>
        </message>
        <message>
            <source>This week: open deals and values as they stand now, the week so far; last week: as they stood at its end (rebuilt from the change log). Won, lost and new count what happened inside the week: the lists below are the same deals.</source>
            <translation>本周：进行中商机和金额取当前状态（本周至今）；上周：取上周结束时的状态（根据变更记录还原）。赢单、输单和新增统计的是当周内发生的情况，与下面各清单中的商机完全相同。</translation>
        </message>
        <message>
            <source>Open deals and values as they stood at the end of each week (rebuilt from the change log); won, lost and new count what happened inside the week: the lists below are the same deals.</source>
            <translation>进行中商机和金额取每周结束时的状态（根据变更记录还原）；赢单、输单和新增统计的是当周内发生的情况，与下面各清单中的商机完全相同。</translation>
        </message>
        <message>
            <source>The funnel</source>
            <translation>销售漏斗</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>阶段</translation>
        </message>
        <message>
            <source>Probability</source>
            <translation>可能性</translation>
        </message>
        <message>
            <source>Reached</source>
            <translation>到达数</translation>
        </message>
        <message>
            <source>Conversion to next</source>
            <translation>下一阶段转化率</translation>
        </message>
        <message>
            <source>Deals, value and weighted: what is open in each stage at the moment above (weighted = value × probability). Reached and conversion: the deals created %1 (the last 90 days) — a deal reached a stage if it was ever in it or a later one; conversion = reached the next stage ÷ reached this one; the last stage's is to won.</source>
            <translation>商机数、金额和加权金额：截至上方时刻各阶段进行中的商机（加权金额 = 金额 × 成交可能性）。到达数和转化率：%1（最近 90 天）创建的商机——曾处于某阶段或其后阶段即算到达；转化率 = 到达下一阶段的商机数 ÷ 到达本阶段的商机数；最后一个阶段的转化率指向赢单。</translation>
        </message>
        <message>
            <source>Lead-to-win of the deals created %1: %2 (%3 of %4 won so far). This is not the win rate, which counts deals closed: won ÷ (won + lost) this week is %5.</source>
            <translation>%1 创建的商机的总体赢单率：%2（%4 个中已赢单 %3 个）。这不是赢单率：赢单率按结单的商机计算，本周赢单 ÷（赢单 + 输单）为 %5。</translation>
        </message>
        <message>
            <source>Won and lost by reason</source>
            <translation>赢单与输单原因</translation>
        </message>
        <message>
            <source>No deals won this week.</source>
            <translation>本周没有赢单。</translation>
        </message>
        <message>
            <source>No deals lost this week.</source>
            <translation>本周没有输单。</translation>
        </message>
        <message>
            <source>The lists below show their %1 biggest deals by value; a last row counts the others. Headings count every deal of the week.</source>
            <translation>以下各清单列出金额最大的 %1 笔，最后一行汇总其余各笔；标题中的数字统计本周全部商机。</translation>
        </message>
        <message>
            <source>Won this week</source>
            <translation>本周赢单</translation>
        </message>
        <message>
            <source>Lost this week</source>
            <translation>本周输单</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>New deals this week</source>
            <translation>本周新增商机</translation>
        </message>
        <message>
            <source>No new deals this week.</source>
            <translation>本周没有新增商机。</translation>
        </message>
        <message>
            <source>Stage moves this week</source>
            <translation>本周阶段变动</translation>
        </message>
        <message>
            <source>No deal changed stage this week.</source>
            <translation>本周没有商机变动阶段。</translation>
        </message>
        <message>
            <source>Moved forward</source>
            <translation>向前推进</translation>
        </message>
        <message>
            <source>Moved back</source>
            <translation>向后退回</translation>
        </message>
        <message>
            <source>Move</source>
            <translation>变动</translation>
        </message>
        <message>
            <source>Expected close pushed later</source>
            <translation>预计成交日期推迟</translation>
        </message>
        <message>
            <source>Expected close</source>
            <translation>预计成交日期</translation>
        </message>
        <message>
            <source>Forecast for the coming months</source>
            <translation>未来几个月的预测</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>月份</translation>
        </message>
        <message>
            <source>Open value</source>
            <translation>进行中金额</translation>
        </message>
        <message>
            <source>P10</source>
            <translation>P10</translation>
        </message>
        <message>
            <source>P50</source>
            <translation>P50</translation>
        </message>
        <message>
            <source>P90</source>
            <translation>P90</translation>
        </message>
        <message>
            <source>Weighted value of open deals by expected close month; overdue deals (expected close before %1) are shown apart, never hidden in a past month.</source>
            <translation>按预计成交月份统计进行中商机的加权金额；逾期商机（预计成交日期早于 %1）单独列出，不会藏在过去的月份里。</translation>
        </message>
        <message>
            <source>P10 / P50 / P90: revenue in 10 % / 50 % / 90 % of 2,000 simulated outcomes, each open deal winning with its probability.</source>
            <translation>P10 / P50 / P90：2,000 次模拟（每个进行中商机按其成交可能性赢单）所得收入的第 10 / 50 / 90 百分位。</translation>
        </message>
        <message>
            <source>Target progress</source>
            <translation>目标进度</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>本月</translation>
        </message>
        <message>
            <source>This quarter</source>
            <translation>本季度</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>期间</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>目标</translation>
        </message>
        <message>
            <source>Won so far</source>
            <translation>已赢单</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>完成率</translation>
        </message>
        <message>
            <source>Still missing</source>
            <translation>尚差</translation>
        </message>
        <message>
            <source>Coverage</source>
            <translation>覆盖倍数</translation>
        </message>
        <message>
            <source>Won so far: won from the period's first day to %1. Coverage = open pipeline value ÷ what is still missing to the target; below 3× is a common warning line.</source>
            <translation>已赢单：从本期第一天到 %1 的赢单金额。覆盖倍数 = 进行中的漏斗金额 ÷ 距目标尚差的金额；低于 3 倍是常见的警戒线。</translation>
        </message>
        <message>
            <source>No target is set for this scope. Set one in Analytics → Targets.</source>
            <translation>此范围还没有设定目标。请在“分析 → 目标”中设定。</translation>
        </message>
        <message>
            <source>Problem analysis</source>
            <translation>问题分析</translation>
        </message>
        <message>
            <source>Overdue, idle and close dates judged on %1; conversion and activity over %2 (the last 90 days); coverage against this quarter's target. The app's Health panel and the health command find the same at the same moment.</source>
            <translation>逾期、停滞和预计成交日期按 %1 判断；转化率和跟进按 %2（最近 90 天）统计；覆盖倍数对照本季度目标。同一时刻，应用的“漏斗健康诊断”面板和命令行诊断得出的结论与此相同。</translation>
        </message>
        <message>
            <source>No problems found in the pipeline this week.</source>
            <translation>本周销售漏斗未发现问题。</translation>
        </message>
        <message>
            <source>Problems and actions</source>
            <translation>问题与行动</translation>
        </message>
        <message>
            <source>Funnel Desktop</source>
            <translation>销售漏斗管家</translation>
        </message>
    </context>
    <context>
        <name>WeeklyReportDialog</name>
        <message>
            <source>Save report as PDF</source>
            <translation>将周报保存为 PDF</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>Weekly report</source>
            <translation>周报</translation>
        </message>
        <message>
            <source>Weekly funnel report</source>
            <translation>销售漏斗周报</translation>
        </message>
        <message>
            <source>Previous week</source>
            <translation>上一周</translation>
        </message>
        <message>
            <source>A day of the week</source>
            <translation>该周中的一天</translation>
        </message>
        <message>
            <source>Next week</source>
            <translation>下一周</translation>
        </message>
        <message>
            <source>Week:</source>
            <translation>周次：</translation>
        </message>
        <message>
            <source>Scope</source>
            <translation>范围</translation>
        </message>
        <message>
            <source>All sales</source>
            <translation>全部销售</translation>
        </message>
        <message>
            <source>Team: %1</source>
            <translation>团队：%1</translation>
        </message>
        <message>
            <source>Salesperson: %1</source>
            <translation>销售员：%1</translation>
        </message>
        <message>
            <source>Scope:</source>
            <translation>范围：</translation>
        </message>
        <message>
            <source>Pipeline</source>
            <translation>销售漏斗</translation>
        </message>
        <message>
            <source>Pipeline:</source>
            <translation>销售漏斗：</translation>
        </message>
        <message>
            <source>Report language</source>
            <translation>周报语言</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>语言：</translation>
        </message>
        <message>
            <source>Paper size</source>
            <translation>纸张大小</translation>
        </message>
        <message>
            <source>Paper:</source>
            <translation>纸张：</translation>
        </message>
        <message>
            <source>Problems and actions</source>
            <translation>问题与行动</translation>
        </message>
        <message>
            <source>Problems you see this week and what you will do about them. They print at the end of the report and are kept for this week and scope.</source>
            <translation>本周发现的问题以及准备采取的行动。它们会打印在周报末尾，并按本周和所选范围保存。</translation>
        </message>
        <message>
            <source>Preview…</source>
            <translation>预览…</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <source>Save as PDF…</source>
            <translation>保存为 PDF…</translation>
        </message>
        <message>
            <source>Problems and actions (your notes for this week):</source>
            <translation>问题与行动（你本周的记录）：</translation>
        </message>
        <message>
            <source>Weekly report %1 — preview</source>
            <translation>周报 %1 — 预览</translation>
        </message>
        <message>
            <source>Could not write %1: %2</source>
            <translation>无法写入 %1：%2</translation>
        </message>
    </context>
    <context>
        <name>WelcomeDialog</name>
        <message>
            <source>Welcome to Funnel Desktop</source>
            <translation>欢迎使用销售漏斗管家</translation>
        </message>
        <message>
            <source>A few choices to set up your sales funnel. You can change all of them later in Tools ▸ Settings and Tools ▸ Pipelines.</source>
            <translation>做几个选择来设置你的销售漏斗。以后都可以在“工具 ▸ 设置”和“工具 ▸ 销售漏斗与阶段”中修改。</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>语言(&amp;L)：</translation>
        </message>
        <message>
            <source>Load a &amp;demo business (300 sample deals) to try things out</source>
            <translation>载入演示数据(&amp;D)（300 个示例商机），先试用一下</translation>
        </message>
        <message>
            <source>The demo fills the B2B six-stage pipeline with sample customers and deals; the template you pick is added beside it. Start with an empty database for real work.</source>
            <translation>演示数据会在“B2B 六阶段”销售漏斗中填入示例客户和商机，你选择的模板会另外添加。正式使用请从空数据库开始。</translation>
        </message>
        <message>
            <source>&amp;Start</source>
            <translation>开始(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
    </context>
    <context>
        <name>WinRatePanel</name>
        <message>
            <source>Win rate by month</source>
            <translation>各月赢单率</translation>
        </message>
        <message>
            <source>by count</source>
            <translation>按数量</translation>
        </message>
        <message>
            <source>by value</source>
            <translation>按金额</translation>
        </message>
        <message>
            <source>Period: %1 by count · %2 by value (%3 won, %4 lost)</source>
            <translation>本期：按数量 %1 · 按金额 %2（赢 %3，输 %4）</translation>
        </message>
        <message>
            <source>Deals closed %1, by the month they closed in (at least 12 months are shown); a gap: no deal closed that month. Shaded and above: the period %2.</source>
            <translation>%1 关闭的商机，按关闭月份统计（至少显示 12 个月）；空缺表示该月没有商机关闭。阴影部分及以上：所选期间 %2。</translation>
        </message>
        <message>
            <source>No deal was won or lost in %1, so there is no win rate to draw.</source>
            <translation>%1 没有赢单或输单的商机，因此没有可绘制的赢单率。</translation>
        </message>
        <message>
            <source>No deal that matches the filters was won or lost in %1.</source>
            <translation>%1 没有符合筛选条件的商机赢单或输单。</translation>
        </message>
        <message>
            <source>%1
By count: %2 (%3 won, %4 lost)
By value: %5 (%6 won, %7 lost)</source>
            <translation>%1
按数量：%2（赢 %3，输 %4）
按金额：%5（赢 %6，输 %7）</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>月份</translation>
        </message>
        <message>
            <source>Won</source>
            <translation>赢单</translation>
        </message>
        <message>
            <source>Lost</source>
            <translation>输单</translation>
        </message>
        <message>
            <source>Won amount</source>
            <translation>赢单金额</translation>
        </message>
        <message>
            <source>Lost amount</source>
            <translation>输单金额</translation>
        </message>
        <message>
            <source>Win rate by count</source>
            <translation>赢单率（按数量）</translation>
        </message>
        <message>
            <source>Win rate by value</source>
            <translation>赢单率（按金额）</translation>
        </message>
    </context>
</TS>
