<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../gui/chart_panel.py" line="295" />
        <source>{0}: all {1} ranked units</source>
        <translation>{0}：全部 {1} 个参评对象</translation>
    </message>
    <message>
        <location filename="../../gui/chart_panel.py" line="297" />
        <source>{0}: top {1}</source>
        <translation>{0}：前 {1} 名</translation>
    </message>
    <message>
        <location filename="../../gui/chart_panel.py" line="310" />
        <source>Ranking on {0}</source>
        <translation>{0}排名</translation>
    </message>
    <message>
        <location filename="../../gui/chart_panel.py" line="311" />
        <source>Ranking on {0}: top {1}</source>
        <translation>{0}排名：前 {1} 名</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/chart_panel.py" line="314" />
        <source>%n unit(s) without a score left out</source>
        <translation>
            <numerusform>%n 个无得分对象未列出</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/chart_panel.py" line="323" />
        <source>{0}: scores on the dimensions</source>
        <translation>{0}各维度得分</translation>
    </message>
    <message>
        <location filename="../../gui/chart_panel.py" line="325" />
        <source>{0}: scores on the sub-dimensions</source>
        <translation>{0}各二级维度得分</translation>
    </message>
    <message>
        <location filename="../../gui/chart_panel.py" line="330" />
        <source>{0}: {1}, rank {2}</source>
        <translation>{0}：{1}，第 {2} 名</translation>
    </message>
    <message>
        <location filename="../../gui/chart_panel.py" line="345" />
        <source>{0} vs {1}</source>
        <translation>{0} 与 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/chart_panel.py" line="403" />
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../gui/chart_panel.py" line="404" />
        <source>City profile</source>
        <translation>城市画像</translation>
    </message>
    <message>
        <location filename="../../gui/chart_panel.py" line="405" />
        <source>Node ranking</source>
        <translation>维度排名</translation>
    </message>
    <message>
        <location filename="../../gui/chart_panel.py" line="406" />
        <source>Scatter</source>
        <translation>散点图</translation>
    </message>
    <message>
        <location filename="../../gui/chart_panel.py" line="407" />
        <location filename="../../gui/chart_panel.py" line="408" />
        <source>Top N:</source>
        <translation>前 N 名：</translation>
    </message>
    <message>
        <location filename="../../gui/chart_panel.py" line="409" />
        <location filename="../../gui/chart_panel.py" line="410" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../gui/chart_panel.py" line="411" />
        <source>Sub-dimensions</source>
        <translation>二级维度</translation>
    </message>
    <message>
        <location filename="../../gui/chart_panel.py" line="412" />
        <source>Show the second level of the tree instead of the dimensions</source>
        <translation>显示二级维度而非一级维度</translation>
    </message>
    <message>
        <location filename="../../gui/chart_panel.py" line="413" />
        <source>Node:</source>
        <translation>维度：</translation>
    </message>
    <message>
        <location filename="../../gui/chart_panel.py" line="414" />
        <source>X:</source>
        <translation>横轴：</translation>
    </message>
    <message>
        <location filename="../../gui/chart_panel.py" line="415" />
        <source>Y:</source>
        <translation>纵轴：</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../../gui/charts.py" line="256" />
        <source>Export SVG</source>
        <translation>导出 SVG</translation>
    </message>
    <message>
        <location filename="../../gui/charts.py" line="257" />
        <source>SVG image (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../gui/charts.py" line="259" />
        <source>Export PNG</source>
        <translation>导出 PNG</translation>
    </message>
    <message>
        <location filename="../../gui/charts.py" line="260" />
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../gui/charts.py" line="286" />
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <location filename="../../gui/charts.py" line="287" />
        <source>Export SVG…</source>
        <translation>导出 SVG…</translation>
    </message>
    <message>
        <location filename="../../gui/charts.py" line="493" />
        <source>Rank 1: {0}</source>
        <translation>第一名：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/charts.py" line="495" />
        <source>Rank 1</source>
        <translation>第一名</translation>
    </message>
    <message>
        <location filename="../../gui/charts.py" line="496" />
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <location filename="../../gui/charts.py" line="581" />
        <source>Pearson r = {0}</source>
        <translation>皮尔逊 r = {0}</translation>
    </message>
    <message>
        <location filename="../../gui/charts.py" line="583" />
        <source>Spearman ρ = {0}</source>
        <translation>斯皮尔曼 ρ = {0}</translation>
    </message>
    <message>
        <location filename="../../gui/charts.py" line="584" />
        <source>n = {0}</source>
        <translation>n = {0}</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../gui/controller.py" line="142" />
        <source>Weight of {0}</source>
        <translation>{0} 的权重</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="151" />
        <source>Split {0} equally</source>
        <translation>{0} 下等权</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="155" />
        <source>Normalise weights under {0}</source>
        <translation>{0} 下权重归一</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="161" />
        <source>Reset weights under {0}</source>
        <translation>重置 {0} 下权重</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="173" />
        <location filename="../../gui/controller.py" line="177" />
        <source>Refused: {0}</source>
        <translation>已拒绝：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="222" />
        <source>full compute</source>
        <translation>完整计算</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="226" />
        <source>weights only</source>
        <translation>仅权重</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="236" />
        <source>{0} units scored ({1}) in {2:.1f} ms</source>
        <translation>已计算 {0} 个对象（{1}），用时 {2:.1f} 毫秒</translation>
    </message>
</context>
<context>
    <name>IndicatorTreeModel</name>
    <message>
        <location filename="../../gui/tree_model.py" line="207" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../gui/tree_model.py" line="207" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gui/tree_model.py" line="207" />
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../gui/tree_model.py" line="207" />
        <source>Effective</source>
        <translation>有效权重</translation>
    </message>
    <message>
        <location filename="../../gui/tree_model.py" line="208" />
        <source>+/−</source>
        <comment>direction column</comment>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../gui/tree_model.py" line="208" />
        <source>Aggregation</source>
        <translation>聚合</translation>
    </message>
    <message>
        <location filename="../../gui/tree_model.py" line="208" />
        <source>Normalisation</source>
        <translation>标准化</translation>
    </message>
    <message>
        <location filename="../../gui/tree_model.py" line="209" />
        <source>Lock</source>
        <comment>locked column</comment>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../gui/tree_model.py" line="213" />
        <source>Indicator code</source>
        <translation>指标代码</translation>
    </message>
    <message>
        <location filename="../../gui/tree_model.py" line="214" />
        <source>Indicator name</source>
        <translation>指标名称</translation>
    </message>
    <message>
        <location filename="../../gui/tree_model.py" line="215" />
        <source>Share among its siblings (siblings sum to 100 %)</source>
        <translation>在同级中的占比（同级合计 100%）</translation>
    </message>
    <message>
        <location filename="../../gui/tree_model.py" line="216" />
        <source>Share of the whole index (product of the shares on the path)</source>
        <translation>占总指数的比重（路径上各级占比之积）</translation>
    </message>
    <message>
        <location filename="../../gui/tree_model.py" line="217" />
        <source>Direction — + : more is better; − : less is better</source>
        <translation>方向——+：越大越好；−：越小越好</translation>
    </message>
    <message>
        <location filename="../../gui/tree_model.py" line="218" />
        <source>How the children are combined (grey: project default)</source>
        <translation>下级指标的合成方法（灰色：项目默认）</translation>
    </message>
    <message>
        <location filename="../../gui/tree_model.py" line="219" />
        <source>How the indicator values are rescaled (grey: inherited)</source>
        <translation>指标值的标准化方法（灰色：继承）</translation>
    </message>
    <message>
        <location filename="../../gui/tree_model.py" line="220" />
        <source>A locked weight keeps its share when a sibling's weight changes</source>
        <translation>锁定的权重在同级权重变化时保持不变</translation>
    </message>
    <message>
        <location filename="../../gui/tree_model.py" line="298" />
        <source>Unit: {0}</source>
        <translation>单位：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/tree_model.py" line="300" />
        <source>Source: {0}</source>
        <translation>来源：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/tree_model.py" line="303" />
        <source>Inherited: {0}</source>
        <translation>继承：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/tree_model.py" line="305" />
        <source>Project default: {0}</source>
        <translation>项目默认：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/tree_model.py" line="307" />
        <source>Locked: keeps its share when a sibling changes; unlock to edit</source>
        <translation>已锁定：同级变化时保持不变；解锁后可编辑</translation>
    </message>
    <message>
        <location filename="../../gui/tree_model.py" line="334" />
        <source>+ (more is better)</source>
        <translation>+（越大越好）</translation>
    </message>
    <message>
        <location filename="../../gui/tree_model.py" line="334" />
        <source>− (less is better)</source>
        <translation>−（越小越好）</translation>
    </message>
    <message>
        <location filename="../../gui/tree_model.py" line="336" />
        <source>(default: {0})</source>
        <translation>（默认：{0}）</translation>
    </message>
    <message>
        <location filename="../../gui/tree_model.py" line="339" />
        <source>(inherit: {0})</source>
        <translation>（继承：{0}）</translation>
    </message>
    <message>
        <location filename="../../gui/tree_model.py" line="393" />
        <source>Rename {0}</source>
        <translation>重命名 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/tree_model.py" line="399" />
        <source>Direction of {0}</source>
        <translation>{0} 的方向</translation>
    </message>
    <message>
        <location filename="../../gui/tree_model.py" line="408" />
        <source>Aggregation of {0}</source>
        <translation>{0} 的聚合方法</translation>
    </message>
    <message>
        <location filename="../../gui/tree_model.py" line="408" />
        <source>Normalisation of {0}</source>
        <translation>{0} 的标准化方法</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="164" />
        <source>{0:.1f} ms</source>
        <translation>{0:.1f} 毫秒</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="296" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="297" />
        <source>Recent files</source>
        <translation>最近打开</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="298" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="299" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="300" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="301" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="302" />
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="303" />
        <source>Open the sample project</source>
        <translation>打开示例项目</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="304" />
        <source>&amp;Save project</source>
        <translation>保存项目(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="305" />
        <source>Save project &amp;as…</source>
        <translation>项目另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="306" />
        <source>Recover unsaved work…</source>
        <translation>恢复未保存的工作…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="307" />
        <source>&amp;Export results workbook…</source>
        <translation>导出结果工作簿(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="308" />
        <source>Export all charts to a folder…</source>
        <translation>导出全部图表到文件夹…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="309" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="310" />
        <source>Pin the current ranking as baseline</source>
        <translation>将当前排名设为对比基准</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="311" />
        <location filename="../../gui/main_window.py" line="556" />
        <source>About CityIndex Studio</source>
        <translation>关于城市指数评价工作台</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="313" />
        <source>Indicators and weights</source>
        <translation>指标与权重</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="314" />
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="315" />
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="316" />
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="322" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="323" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="334" />
        <source>no project</source>
        <translation>无项目</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="337" />
        <source>illustrative sample data, not statistics</source>
        <translation>示例数据，数值虚构，非统计数据</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="369" />
        <source>Open a workbook</source>
        <translation>打开工作簿</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="381" />
        <source>{0} could not be opened: {1} error(s) listed below. The project that was open stays open.</source>
        <translation>无法打开 {0}：下方列出 {1} 个错误。当前项目保持打开。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="386" />
        <source>A recovery copy of this project exists: File → Recover unsaved work.</source>
        <translation>此项目有一份恢复副本：文件 → 恢复未保存的工作。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="389" />
        <source>Could not open {0}</source>
        <translation>无法打开 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="430" />
        <source>Save project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="447" />
        <source>Save failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="455" />
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="467" />
        <source>Autosave failed: {0}</source>
        <translation>自动保存失败：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="478" />
        <source>a project that was never saved</source>
        <translation>一个从未保存的项目</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="479" />
        <source>CityIndex Studio did not close normally. Unsaved changes of {0} were kept in {1}.
Open them now?</source>
        <translation>城市指数评价工作台上次未正常关闭。{0} 的未保存修改已保存在 {1}。
现在打开吗？</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="481" />
        <source>Recover unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="509" />
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="509" />
        <source>The project has unsaved changes. Save them?</source>
        <translation>项目有未保存的修改。是否保存？</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="517" />
        <source>Export results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="541" />
        <source>Writing the results workbook…</source>
        <translation>正在写入结果工作簿…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="542" />
        <source>Written {0}</source>
        <translation>已写入 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="539" />
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="549" />
        <source>Export all charts to a folder</source>
        <translation>导出全部图表到文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="552" />
        <source>{0} files written to {1}</source>
        <translation>已将 {0} 个文件写入 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="557" />
        <source>CityIndex Studio {0}
Build, weight and compute composite city indices.</source>
        <translation>城市指数评价工作台 {0}
构建指标体系、赋权并计算城市综合指数。</translation>
    </message>
</context>
<context>
    <name>Methods</name>
    <message>
        <location filename="../../gui/labels.py" line="17" />
        <source>Min-max</source>
        <translation>极差法</translation>
    </message>
    <message>
        <location filename="../../gui/labels.py" line="18" />
        <source>Z-score</source>
        <translation>Z 分数</translation>
    </message>
    <message>
        <location filename="../../gui/labels.py" line="19" />
        <source>Rank</source>
        <translation>排名法</translation>
    </message>
    <message>
        <location filename="../../gui/labels.py" line="20" />
        <source>Percentile</source>
        <translation>百分位法</translation>
    </message>
    <message>
        <location filename="../../gui/labels.py" line="21" />
        <source>Goalposts</source>
        <translation>固定上下限</translation>
    </message>
    <message>
        <location filename="../../gui/labels.py" line="22" />
        <source>Distance to target</source>
        <translation>目标值法</translation>
    </message>
    <message>
        <location filename="../../gui/labels.py" line="23" />
        <source>Ratio to maximum</source>
        <translation>比值法</translation>
    </message>
    <message>
        <location filename="../../gui/labels.py" line="24" />
        <source>Arithmetic mean</source>
        <translation>算术平均</translation>
    </message>
    <message>
        <location filename="../../gui/labels.py" line="25" />
        <source>Geometric mean</source>
        <translation>几何平均</translation>
    </message>
    <message>
        <location filename="../../gui/labels.py" line="26" />
        <source>Harmonic mean</source>
        <translation>调和平均</translation>
    </message>
    <message>
        <location filename="../../gui/labels.py" line="27" />
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../gui/labels.py" line="28" />
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <location filename="../../gui/labels.py" line="29" />
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <location filename="../../gui/labels.py" line="30" />
        <source>Group mean</source>
        <translation>组均值</translation>
    </message>
    <message>
        <location filename="../../gui/labels.py" line="31" />
        <source>Group median</source>
        <translation>组中位数</translation>
    </message>
    <message>
        <location filename="../../gui/labels.py" line="32" />
        <source>Winsorise</source>
        <translation>缩尾处理</translation>
    </message>
    <message>
        <location filename="../../gui/labels.py" line="33" />
        <source>Logarithm</source>
        <translation>对数变换</translation>
    </message>
    <message>
        <location filename="../../gui/labels.py" line="34" />
        <source>log(1 + x)</source>
        <translation>log(1 + x) 变换</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <location filename="../../gui/problem_text.py" line="19" />
        <source>Empty cell: {unit} has no value for {column}; it stays missing.</source>
        <translation>空单元格：{unit} 的{column}没有数值，按缺失处理。</translation>
    </message>
    <message>
        <location filename="../../gui/problem_text.py" line="20" />
        <source>Not a number in {column} for {unit}: correct the cell or leave it empty (it is treated as missing, never as zero).</source>
        <translation>{unit} 的{column}不是数字：请改正或留空（按缺失处理，绝不当作 0）。</translation>
    </message>
    <message>
        <location filename="../../gui/problem_text.py" line="22" />
        <source>A number stored as text for {unit} in {column}; read as a number.</source>
        <translation>{unit} 的{column}是以文本存储的数字，已按数字读取。</translation>
    </message>
    <message>
        <location filename="../../gui/problem_text.py" line="23" />
        <source>Unit {value} appears again; this row is not used.</source>
        <translation>城市{value}重复出现，此行未使用。</translation>
    </message>
    <message>
        <location filename="../../gui/problem_text.py" line="24" />
        <source>A row without a unit name; its values are not used.</source>
        <translation>此行没有城市名称，其数值未使用。</translation>
    </message>
    <message>
        <location filename="../../gui/problem_text.py" line="25" />
        <source>Indicator {code} has the same value for every unit; every unit gets the middle of the range.</source>
        <translation>指标{code}各城市取值相同，无法区分，各城市均取区间中值。</translation>
    </message>
    <message>
        <location filename="../../gui/problem_text.py" line="27" />
        <source>Indicator {code} has no data at all.</source>
        <translation>指标{code}没有任何数据。</translation>
    </message>
    <message>
        <location filename="../../gui/problem_text.py" line="28" />
        <source>{unit} has no value for any indicator; it gets no score.</source>
        <translation>{unit} 所有指标均无数值，不计算得分。</translation>
    </message>
    <message>
        <location filename="../../gui/problem_text.py" line="29" />
        <source>Header {column} looks like indicator {code} misspelt; it is read as a group column.</source>
        <translation>列名{column}疑似指标{code}拼写错误，现按分组列读取。</translation>
    </message>
    <message>
        <location filename="../../gui/problem_text.py" line="31" />
        <source>Indicator {code} has no column in the data sheet (a header equal to its code or its Chinese name).</source>
        <translation>指标{code}在数据表中没有对应列（列名应为其代码或中文名称）。</translation>
    </message>
    <message>
        <location filename="../../gui/problem_text.py" line="33" />
        <source>The denominator column {value} of {code} is not in the data sheet.</source>
        <translation>指标{code}的分母列{value}不在数据表中。</translation>
    </message>
    <message>
        <location filename="../../gui/problem_text.py" line="34" />
        <source>The log transform of {code} needs positive values; {unit} has {value}.</source>
        <translation>指标{code}的对数变换要求数值为正；{unit} 为{value}。</translation>
    </message>
    <message>
        <location filename="../../gui/problem_text.py" line="36" />
        <source>Code {value} is used twice.</source>
        <translation>代码{value}重复。</translation>
    </message>
    <message>
        <location filename="../../gui/problem_text.py" line="37" />
        <source>A node without a code.</source>
        <translation>有节点缺少代码。</translation>
    </message>
    <message>
        <location filename="../../gui/problem_text.py" line="38" />
        <source>The parent {value} of {code} does not exist.</source>
        <translation>{code}的上级{value}不存在。</translation>
    </message>
    <message>
        <location filename="../../gui/problem_text.py" line="39" />
        <source>The weight of {code} is not a number.</source>
        <translation>{code}的权重不是数字。</translation>
    </message>
    <message>
        <location filename="../../gui/problem_text.py" line="40" />
        <source>The weight of {code} is negative.</source>
        <translation>{code}的权重为负。</translation>
    </message>
    <message>
        <location filename="../../gui/problem_text.py" line="41" />
        <source>{code} has no weight while its siblings have one: leave all empty for equal weights, or set all.</source>
        <translation>{code}未填权重而同级已填：全部留空表示等权，或全部填写。</translation>
    </message>
    <message>
        <location filename="../../gui/problem_text.py" line="43" />
        <source>All weights among the siblings of {code} are zero.</source>
        <translation>{code}及其同级的权重全为 0。</translation>
    </message>
    <message>
        <location filename="../../gui/problem_text.py" line="44" />
        <source>The direction of {code} must be + or − (正向/负向).</source>
        <translation>{code}的方向应为 + 或 −（正向/负向）。</translation>
    </message>
    <message>
        <location filename="../../gui/problem_text.py" line="45" />
        <source>Unknown method name {value}.</source>
        <translation>未知的方法名称{value}。</translation>
    </message>
    <message>
        <location filename="../../gui/problem_text.py" line="46" />
        <source>{unit}: the denominator is empty or zero, so {code} is missing.</source>
        <translation>{unit}：分母为空或为 0，{code}按缺失处理。</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../gui/data_view.py" line="151" />
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../gui/data_view.py" line="151" />
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../gui/data_view.py" line="151" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../gui/data_view.py" line="151" />
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../gui/data_view.py" line="155" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../gui/data_view.py" line="155" />
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../gui/data_view.py" line="155" />
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../gui/data_view.py" line="161" />
        <source>sheet {0}</source>
        <translation>工作表「{0}」</translation>
    </message>
    <message>
        <location filename="../../gui/data_view.py" line="163" />
        <source>row {0}</source>
        <translation>第 {0} 行</translation>
    </message>
    <message>
        <location filename="../../gui/data_view.py" line="165" />
        <source>column {0}</source>
        <translation>列「{0}」</translation>
    </message>
    <message>
        <location filename="../../gui/data_view.py" line="166" />
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <location filename="../../gui/ranking_model.py" line="122" />
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../gui/ranking_model.py" line="122" />
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../gui/ranking_model.py" line="122" />
        <source>Unit</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../gui/ranking_model.py" line="122" />
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../gui/ranking_model.py" line="122" />
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../gui/ranking_model.py" line="183" />
        <source>No score: {0}</source>
        <translation>无得分：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/ranking_model.py" line="183" />
        <source>no data</source>
        <translation>无数据</translation>
    </message>
</context>
<context>
    <name>RankingPage</name>
    <message>
        <location filename="../../gui/main_window.py" line="93" />
        <source>Search a unit…</source>
        <translation>搜索城市…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="94" />
        <source>Top N</source>
        <translation>前 N 名</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="101" />
        <source>All groups</source>
        <translation>全部分组</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../../gui/worker.py" line="51" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TreePanel</name>
    <message>
        <location filename="../../gui/tree_panel.py" line="265" />
        <source>Add {0} under {1}</source>
        <translation>在 {1} 下添加 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="274" />
        <source>Remove {0}</source>
        <translation>删除 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="277" />
        <source>Rename {0} to {1}</source>
        <translation>将 {0} 重命名为 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="281" />
        <source>Move {0} under {1}</source>
        <translation>将 {0} 移到 {1} 下</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="297" />
        <location filename="../../gui/tree_panel.py" line="300" />
        <source>Add child</source>
        <translation>添加下级指标</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="297" />
        <source>Code of the new indicator under {0}:</source>
        <translation>{0} 下新指标的代码：</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="300" />
        <source>Name of {0}:</source>
        <translation>{0} 的名称：</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="309" />
        <source>Rename code</source>
        <translation>修改代码</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="309" />
        <source>New code for {0}:</source>
        <translation>{0} 的新代码：</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="328" />
        <source>{0} has nowhere to move</source>
        <translation>{0} 无处可移</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="331" />
        <source>Move {0}</source>
        <translation>移动 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="331" />
        <source>New parent:</source>
        <translation>新的上级：</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="338" />
        <source>the edit would break the tree</source>
        <translation>此修改会破坏指标体系</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="340" />
        <source> (and {0} more)</source>
        <translation>（另有 {0} 项）</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="341" />
        <source>Refused: {0}</source>
        <translation>已拒绝：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="379" />
        <source>No indicator selected</source>
        <translation>未选择指标</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="389" />
        <location filename="../../gui/tree_panel.py" line="511" />
        <source>Unlock weight</source>
        <translation>解锁权重</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="389" />
        <location filename="../../gui/tree_panel.py" line="511" />
        <source>Lock weight</source>
        <translation>锁定权重</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="507" />
        <source>Split equally</source>
        <translation>等权</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="508" />
        <source>Give the children of the selected node equal weights</source>
        <translation>所选节点的下级指标取相等权重</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="509" />
        <source>Normalise to 100 %</source>
        <translation>归一到 100%</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="510" />
        <source>Rescale the weights of the children so that they sum to 100 %</source>
        <translation>按比例缩放下级权重，使其合计为 100%</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="512" />
        <source>A locked weight keeps its share when a sibling's weight changes</source>
        <translation>锁定的权重在同级权重变化时保持不变</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="513" />
        <source>Reset weights</source>
        <translation>重置权重</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="514" />
        <source>Back to the weights of the loaded file for these children</source>
        <translation>恢复为载入文件中的权重</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="515" />
        <source>Add child…</source>
        <translation>添加下级…</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="516" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="517" />
        <source>Rename code…</source>
        <translation>修改代码…</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="518" />
        <source>Move to…</source>
        <translation>移动到…</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="519" />
        <source>Tree</source>
        <translation>结构</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="520" />
        <source>Add, remove, rename or move indicators</source>
        <translation>添加、删除、重命名或移动指标</translation>
    </message>
    <message>
        <location filename="../../gui/tree_panel.py" line="521" />
        <source>Weight of the selected node among its siblings</source>
        <translation>所选节点在同级中的权重</translation>
    </message>
</context>
</TS>