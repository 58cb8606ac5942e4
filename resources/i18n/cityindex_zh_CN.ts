<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AhpEditor</name>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="569" />
        <source>This RI table does not reach n = {0}: CR is undefined. Choose the other table.</source>
        <translation>此 RI 表没有 n = {0} 的值，无法计算 CR。请选择另一张 RI 表。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="574" />
        <source>Consistent enough (CR &lt; 0.10).</source>
        <translation>通过一致性检验（CR &lt; 0.10）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="578" />
        <source>⚠ CR ≥ 0.10: the judgements contradict each other too much. Revise the judgements marked in red.</source>
        <translation>⚠ CR ≥ 0.10：判断之间矛盾过大，未通过一致性检验。请修改标红的判断。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="591" />
        <source>{0} vs {1}</source>
        <translation>{0} 与 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="597" />
        <source>{0} compared with {1}: now {2}, the weights imply {3:.2f}; {4} would lower the inconsistency most</source>
        <translation>{0} 与 {1} 相比：当前为 {2}，权重所隐含的比值为 {3:.2f}；改为 {4} 最能降低不一致性</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="607" />
        <source>Judgement</source>
        <translation>判断</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="607" />
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="607" />
        <source>Suggested</source>
        <translation>建议值</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="608" />
        <source>CR after</source>
        <translation>修改后 CR</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="608" />
        <source>CI after</source>
        <translation>修改后 CI</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="627" />
        <source>{0} {1} compared with {2} {3}: {4}</source>
        <translation>{0} {1} 与 {2} {3} 相比：{4}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="650" />
        <source>AHP weights of {0}</source>
        <translation>{0} 的层次分析法权重</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="651" />
        <source>Applied: {0}</source>
        <translation>已应用：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="663" />
        <source>AHP pairwise comparisons</source>
        <translation>层次分析法两两比较</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="664" />
        <source>Pairwise comparisons of the children of {0} {1}</source>
        <translation>{0} {1} 下级指标的两两比较</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="665" />
        <source>Each cell says how much more important the row is than the column (Saaty's 1–9 scale). Enter the cells above the diagonal; the grey cells below it are filled with the reciprocals.</source>
        <translation>每个单元格表示行指标相对列指标的重要程度（Saaty 1–9 标度）。请填写对角线右上方的单元格，左下方灰色单元格自动取倒数。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="668" />
        <source>Weights by:</source>
        <translation>权重计算：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="669" />
        <source>Principal eigenvector</source>
        <translation>特征向量法</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="669" />
        <source>Row geometric mean (根法)</source>
        <translation>根法（行几何平均）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="670" />
        <source>Normalised column sums (和法)</source>
        <translation>和法（列归一化后行平均）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="673" />
        <source>Random index:</source>
        <translation>随机一致性指标 RI：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="674" />
        <source>Saaty</source>
        <translation>Saaty 表</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="675" />
        <source>Chinese textbooks</source>
        <translation>国内教材表</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="676" />
        <source>Start from the current weights</source>
        <translation>从当前权重开始</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="677" />
        <source>All equal</source>
        <translation>全部同等重要</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="678" />
        <source>Blue: the row matters more; orange: the column matters more.</source>
        <translation>蓝色：行指标更重要；橙色：列指标更重要。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="679" />
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="680" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="680" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="680" />
        <source>Current</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="681" />
        <source>AHP</source>
        <translation>AHP</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="682" />
        <source>Consistency</source>
        <translation>一致性检验</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="683" />
        <source>Judgements (row compared with column)</source>
        <translation>判断矩阵（行指标相对列指标）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="684" />
        <source>Judgements most responsible for the inconsistency</source>
        <translation>最不一致的判断</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="685" />
        <source>Use the suggested value</source>
        <translation>采用建议值</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="686" />
        <source>No judgement stands out.</source>
        <translation>没有明显不一致的判断。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="687" />
        <source>Apply to the tree</source>
        <translation>应用到指标体系</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="688" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>AhpScale</name>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="71" />
        <source>equal importance</source>
        <translation>同等重要</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="72" />
        <source>between equal and moderate</source>
        <translation>介于同等与稍微之间</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="73" />
        <source>moderate importance</source>
        <translation>稍微重要</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="74" />
        <source>between moderate and strong</source>
        <translation>介于稍微与明显之间</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="75" />
        <source>strong importance</source>
        <translation>明显重要</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="76" />
        <source>between strong and very strong</source>
        <translation>介于明显与强烈之间</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="77" />
        <source>very strong importance</source>
        <translation>强烈重要</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="78" />
        <source>between very strong and extreme</source>
        <translation>介于强烈与极端之间</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="79" />
        <source>extreme importance</source>
        <translation>极端重要</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="90" />
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="94" />
        <source>{0} — column: {1}</source>
        <translation>{0} — 列指标{1}</translation>
    </message>
</context>
<context>
    <name>AnalysisPanel</name>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="489" />
        <source>Uncertainty analysis: {0} runs…</source>
        <translation>不确定性分析：{0} 次模拟…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="491" />
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="571" />
        <location filename="../../gui/panels/analysis_panel.py" line="880" />
        <source>Dirichlet</source>
        <translation>狄利克雷分布</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="572" />
        <location filename="../../gui/panels/analysis_panel.py" line="879" />
        <source>Uniform</source>
        <translation>均匀分布</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="579" />
        <source>{0} runs, seed {1}, weights ± {2} % ({3})</source>
        <translation>{0} 次模拟，随机种子 {1}，权重 ± {2}%（{3}）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="583" />
        <source>; normalisation: {0}</source>
        <translation>；标准化方法：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="586" />
        <source>; aggregation: {0}</source>
        <translation>；聚合方法：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="594" />
        <source>Cancelled: the previous result is kept.</source>
        <translation>已取消：保留上一次的结果。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="595" />
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="597" />
        <source>The analysis failed: {0}</source>
        <translation>分析失败：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="599" />
        <source>{0} — done in {1:.1f} s</source>
        <translation>{0}——用时 {1:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="601" />
        <source>Not run yet: choose the runs and the perturbation, then press Run.</source>
        <translation>尚未运行：设定模拟次数和扰动幅度后点击“运行”。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/panels/analysis_panel.py" line="606" />
        <source>ⓘ %n note(s)</source>
        <translation>
            <numerusform>ⓘ %n 条说明</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="609" />
        <source>Stale: the weights or the data changed after this run; these numbers are not the current ranking's. Press Run to update.</source>
        <translation>已过期：本次运行之后权重或数据已改变，以下数字不代表当前排名。请点击“运行”重新计算。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="628" />
        <source>Rank uncertainty</source>
        <translation>排名不确定性</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="629" />
        <location filename="../../gui/panels/analysis_panel.py" line="704" />
        <source>Not run yet</source>
        <translation>尚未运行</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="634" />
        <source>Rank uncertainty: all {0} units</source>
        <translation>排名不确定性：全部 {0} 个对象</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="635" />
        <source>Rank uncertainty: top {0} by base rank</source>
        <translation>排名不确定性：基准排名前 {0} 名</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="641" />
        <location filename="../../gui/panels/analysis_panel.py" line="647" />
        <location filename="../../gui/panels/analysis_panel.py" line="777" />
        <source>Unit</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="641" />
        <location filename="../../gui/panels/analysis_panel.py" line="777" />
        <source>Base rank</source>
        <translation>基准排名</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="641" />
        <source>Median rank</source>
        <translation>排名中位数</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="647" />
        <source>5 %</source>
        <translation>5%</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="648" />
        <source>95 %</source>
        <translation>95%</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="642" />
        <source>Top-10 share</source>
        <translation>前 10 名占比</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="641" />
        <source>Rank at 5 % (best runs)</source>
        <translation>5% 分位排名（较好的情形）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="642" />
        <source>Rank at 95 % (worst runs)</source>
        <translation>95% 分位排名（较差的情形）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="647" />
        <source>Base</source>
        <translation>基准</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="647" />
        <source>Median</source>
        <translation>中位</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="648" />
        <source>Top 10</source>
        <translation>前10占比</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="677" />
        <source>Normalisation method</source>
        <translation>标准化方法</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="679" />
        <source>Aggregation method</source>
        <translation>聚合方法</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="690" />
        <source>Input</source>
        <translation>输入因素</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="690" />
        <source>First order</source>
        <translation>一阶指数</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="690" />
        <source>Total</source>
        <translation>总效应指数</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="702" />
        <source>Which inputs move the ranking</source>
        <translation>哪些因素影响排名</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="706" />
        <source>No uncertain input</source>
        <translation>没有不确定的输入</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="708" />
        <source>Output: mean absolute rank shift (N = {0})</source>
        <translation>输出：平均绝对名次变动（N = {0}）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="710" />
        <source>Stale: {0}</source>
        <translation>已过期：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="714" />
        <source>First order: the share of the output's variance due to the input alone; total: including its interactions with the other inputs. ± the 95 % confidence half-width.</source>
        <translation>一阶指数：该输入单独引起的输出方差占比；总效应指数：包括与其他输入的交互作用。± 为 95% 置信区间半宽。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="571" />
        <location filename="../../gui/panels/analysis_panel.py" line="881" />
        <source>Expert panel's spread</source>
        <translation>专家组意见的离散度</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="577" />
        <source>{0} runs, seed {1}, weights drawn from the expert panel</source>
        <translation>{0} 次模拟，随机种子 {1}，权重取自专家组各专家的赋权</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="866" />
        <source>Uncertainty</source>
        <translation>不确定性</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="872" />
        <source>Sensitivity</source>
        <translation>敏感性</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="773" />
        <source>Nothing to show</source>
        <translation>无可显示内容</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="778" />
        <source>Rank without it</source>
        <translation>剔除后排名</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="778" />
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="790" />
        <source>{0} is the only weighted child of {1}: without it {1} has no score. Drop {1} instead.</source>
        <translation>{0} 是 {1} 唯一有权重的下级：剔除后 {1} 无法得分。请改为剔除 {1}。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="829" />
        <source>indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="829" />
        <source>node</source>
        <translation>维度</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="830" />
        <source>Without {0} {1} ({2}, {3:.1f} % of the index; its siblings' weights rescaled): {4} of {5} units change rank, by {6:.2f} places on average.</source>
        <translation>剔除 {0} {1}（{2}，占总指数 {3:.1f}%；同级权重按比例放大）：{5} 个对象中 {4} 个排名变化，平均变动 {6:.2f} 位。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="844" />
        <source>Change of rank without {0} {1}</source>
        <translation>剔除 {0} {1} 后的名次变化</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="845" />
        <source>Units in the order of the current ranking</source>
        <translation>按当前排名顺序排列</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="867" />
        <source>One at a time</source>
        <translation>逐一剔除</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="868" />
        <source>Audit</source>
        <translation>统计审计</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="869" />
        <source>By method</source>
        <translation>方法比较</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="870" />
        <source>RSR grading</source>
        <translation>秩和比分档</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="871" />
        <source>Ranks</source>
        <translation>排名区间</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="873" />
        <source>Runs:</source>
        <translation>模拟次数：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="874" />
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="875" />
        <source>Weights:</source>
        <translation>权重扰动：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="876" />
        <source>Each weight varies by up to this share of itself; siblings are rescaled to sum to 100 %</source>
        <translation>每个权重最多按自身的这一比例上下浮动；同级权重重新归一到 100%</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="878" />
        <source>Draw:</source>
        <translation>抽样：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="882" />
        <source>Uniform: each weight times (1 ± u); Dirichlet: the siblings drawn together around the current weights; expert panel: each weight drawn from the values the merged panel's experts gave it</source>
        <translation>均匀分布：每个权重乘以 (1 ± u)；狄利克雷分布：同级权重围绕当前权重一起抽取；专家组：每个权重从已汇总专家组中各专家给出的数值中抽取</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="885" />
        <source>Vary normalisation:</source>
        <translation>同时改变标准化方法：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="886" />
        <source>Vary aggregation:</source>
        <translation>同时改变聚合方法：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="887" />
        <source>Each run also picks one of the chosen normalisation methods</source>
        <translation>每次模拟还从所选标准化方法中随机取一种</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="888" />
        <source>Each run also picks one of the chosen aggregation methods</source>
        <translation>每次模拟还从所选聚合方法中随机取一种</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="891" />
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="892" />
        <source>Chart: top</source>
        <translation>图中显示前</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="893" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="894" />
        <source>Drop:</source>
        <translation>剔除：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/analysis_panel.py" line="895" />
        <source>An indicator or a node; its siblings' weights are rescaled</source>
        <translation>一个指标或维度；其同级权重按比例放大</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="297" />
        <source>{0} negative (r = {1})</source>
        <translation>{0} 负相关（r = {1}）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="299" />
        <source>{0} weak (r = {1})</source>
        <translation>{0} 弱相关（r = {1}）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="300" />
        <source>{0} undefined</source>
        <translation>{0} 无法计算</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="320" />
        <source>Alpha if deleted:</source>
        <translation>删除该项后的 α：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="328" />
        <source>Eigenvalues: {0}</source>
        <translation>特征值：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="351" />
        <source>The outlier rule: |skew| &lt; {0} or kurtosis &lt; {1}</source>
        <translation>异常值规则：|偏度| &lt; {0} 或 峰度 &lt; {1}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="360" />
        <source>not tested (n &lt; 4)</source>
        <translation>未检验（n &lt; 4）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="362" />
        <source>passes</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="364" />
        <source>fails</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="378" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="378" />
        <source>winsorised</source>
        <translation>已缩尾</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="378" />
        <source>log-transformed</source>
        <translation>已对数变换</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="379" />
        <source>flagged, not treated</source>
        <translation>已标记，未处理</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="379" />
        <source>not tested</source>
        <translation>未检验</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="399" />
        <source>Correlations of the indicators</source>
        <translation>指标相关系数矩阵</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="402" />
        <source>Hover over a cell to see the pair and its correlation</source>
        <translation>将鼠标移到单元格上可查看指标对及其相关系数</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="406" />
        <source>Internal consistency per node</source>
        <translation>各维度内部一致性</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="407" />
        <source>Distribution of each indicator</source>
        <translation>各指标分布</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="409" />
        <source>Node</source>
        <translation>维度</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="409" />
        <source>k</source>
        <translation>下级数</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="409" />
        <location filename="../../gui/panels/audit_view.py" line="419" />
        <source>n</source>
        <translation>样本数</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="409" />
        <source>Alpha</source>
        <translation>α 系数</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="409" />
        <source>Std. alpha</source>
        <translation>标准化 α</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="410" />
        <source>PC1 share</source>
        <translation>第一主成分占比</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="410" />
        <source>Flags</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="411" />
        <source>Number of children</source>
        <translation>下级指标或维度的个数</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="411" />
        <source>Units with every child (listwise)</source>
        <translation>各下级均有数值的对象数（列表删除）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="412" />
        <source>Cronbach's alpha from the covariances</source>
        <translation>基于协方差的克朗巴哈 α 系数</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="413" />
        <source>Cronbach's alpha from the mean correlation</source>
        <translation>基于平均相关系数的克朗巴哈 α 系数</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="414" />
        <source>Share of variance of the first principal component</source>
        <translation>第一主成分解释的方差比例</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="415" />
        <source>Children whose correlation with the node is negative, or weak (|r| &lt; 0.3)</source>
        <translation>与所属维度负相关或弱相关（|r| &lt; 0.3）的下级</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="419" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="419" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="419" />
        <source>Skew</source>
        <translation>偏度</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="419" />
        <source>Kurtosis</source>
        <translation>峰度</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="420" />
        <source>Outlier rule</source>
        <translation>异常值规则</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="420" />
        <source>Treatment</source>
        <translation>处理方式</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../gui/panels/chart_panel.py" line="363" />
        <source>{0}: all {1} ranked units</source>
        <translation>{0}：全部 {1} 个参评对象</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chart_panel.py" line="365" />
        <source>{0}: top {1}</source>
        <translation>{0}：前 {1} 名</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chart_panel.py" line="379" />
        <source>Ranking on {0}</source>
        <translation>{0}排名</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chart_panel.py" line="380" />
        <source>Ranking on {0}: top {1}</source>
        <translation>{0}排名：前 {1} 名</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/panels/chart_panel.py" line="383" />
        <source>%n unit(s) without a score left out</source>
        <translation>
            <numerusform>%n 个无得分对象未列出</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/panels/chart_panel.py" line="393" />
        <source>{0}: scores on the dimensions</source>
        <translation>{0}各维度得分</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chart_panel.py" line="395" />
        <source>{0}: scores on the sub-dimensions</source>
        <translation>{0}各二级维度得分</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chart_panel.py" line="400" />
        <source>{0}: {1}, rank {2}</source>
        <translation>{0}：{1}，第 {2} 名</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chart_panel.py" line="422" />
        <source>{0} vs {1}</source>
        <translation>{0} 与 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chart_panel.py" line="518" />
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chart_panel.py" line="519" />
        <source>City profile</source>
        <translation>城市画像</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chart_panel.py" line="520" />
        <source>Node ranking</source>
        <translation>维度排名</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chart_panel.py" line="521" />
        <source>Scatter</source>
        <translation>散点图</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chart_panel.py" line="522" />
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chart_panel.py" line="525" />
        <location filename="../../gui/panels/chart_panel.py" line="527" />
        <location filename="../../gui/panels/chart_panel.py" line="528" />
        <source>Top N:</source>
        <translation>前 N 名：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chart_panel.py" line="526" />
        <source>How many of the best units on the node are labelled</source>
        <translation>在地图上标注该维度前几名</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chart_panel.py" line="529" />
        <location filename="../../gui/panels/chart_panel.py" line="530" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chart_panel.py" line="531" />
        <source>Sub-dimensions</source>
        <translation>二级维度</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chart_panel.py" line="532" />
        <source>Show the second level of the tree instead of the dimensions</source>
        <translation>显示二级维度而非一级维度</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chart_panel.py" line="524" />
        <location filename="../../gui/panels/chart_panel.py" line="533" />
        <source>Node:</source>
        <translation>维度：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chart_panel.py" line="523" />
        <source>Editions</source>
        <translation>历年</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chart_panel.py" line="534" />
        <source>X:</source>
        <translation>横轴：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chart_panel.py" line="535" />
        <source>Y:</source>
        <translation>纵轴：</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../../gui/charts/widgets.py" line="350" />
        <source>Export SVG</source>
        <translation>导出 SVG</translation>
    </message>
    <message>
        <location filename="../../gui/charts/widgets.py" line="351" />
        <source>SVG image (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../gui/charts/widgets.py" line="353" />
        <source>Export PNG</source>
        <translation>导出 PNG</translation>
    </message>
    <message>
        <location filename="../../gui/charts/widgets.py" line="354" />
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../gui/charts/widgets.py" line="382" />
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <location filename="../../gui/charts/widgets.py" line="383" />
        <source>Export SVG…</source>
        <translation>导出 SVG…</translation>
    </message>
    <message>
        <location filename="../../gui/charts/widgets.py" line="593" />
        <source>Rank {1}: {0}</source>
        <translation>第 {1} 名：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/widgets.py" line="595" />
        <source>Rank 1</source>
        <translation>第一名</translation>
    </message>
    <message>
        <location filename="../../gui/charts/widgets.py" line="596" />
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <location filename="../../gui/charts/widgets.py" line="723" />
        <source>Pearson r = {0}</source>
        <translation>皮尔逊 r = {0}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/widgets.py" line="725" />
        <source>Spearman ρ = {0}</source>
        <translation>斯皮尔曼 ρ = {0}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/widgets.py" line="726" />
        <source>n = {0}</source>
        <translation>n = {0}</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../gui/controller.py" line="317" />
        <source>Weight of {0}</source>
        <translation>{0} 的权重</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="333" />
        <source>Split {0} equally</source>
        <translation>{0} 下等权</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="337" />
        <source>Normalise weights under {0}</source>
        <translation>{0} 下权重归一</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="343" />
        <source>Reset weights under {0}</source>
        <translation>重置 {0} 下权重</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="353" />
        <source>Lock weight of {0}</source>
        <translation>锁定 {0} 的权重</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="353" />
        <source>Unlock weight of {0}</source>
        <translation>解锁 {0} 的权重</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="363" />
        <location filename="../../gui/controller.py" line="367" />
        <source>Refused: {0}</source>
        <translation>已拒绝：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="422" />
        <source>Re-import data from {0}</source>
        <translation>从 {0} 重新导入数据</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="574" />
        <source>Round {0}</source>
        <translation>第 {0} 轮</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="579" />
        <source>Freeze round {0}</source>
        <translation>冻结轮次 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="587" />
        <source>Round frozen: {0}</source>
        <translation>已冻结轮次：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="663" />
        <source>Recomputing in the background…</source>
        <translation>正在后台重新计算…</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="668" />
        <source>full compute</source>
        <translation>完整计算</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="672" />
        <location filename="../../gui/controller.py" line="679" />
        <source>weights only</source>
        <translation>仅权重</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="699" />
        <source>{0} units scored ({1}) in {2:.1f} ms</source>
        <translation>已计算 {0} 个对象（{1}），用时 {2:.1f} 毫秒</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="748" />
        <source>Scenario saved: {0}</source>
        <translation>已保存情景：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="770" />
        <source>Switch to scenario {0}</source>
        <translation>切换到情景 {0}</translation>
    </message>
</context>
<context>
    <name>CorrelationHeatmap</name>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="200" />
        <source>{0} {1} × {2} {3}: r = {4}</source>
        <translation>{0} {1} × {2} {3}：r = {4}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/audit_view.py" line="201" />
        <source>undefined</source>
        <translation>无法计算</translation>
    </message>
</context>
<context>
    <name>DataModel</name>
    <message>
        <location filename="../../gui/panels/data_view.py" line="184" />
        <source>{0} is not a number: {1} / {2} keeps its value.</source>
        <translation>「{0}」不是数字：{1} / {2} 保持原值。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data_view.py" line="187" />
        <source>Edit {0} / {1} (edition {2})</source>
        <translation>修改 {2} 版 {1}：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data_view.py" line="189" />
        <source>Edit {0} / {1}</source>
        <translation>修改 {1}：{0}</translation>
    </message>
</context>
<context>
    <name>DiffDialog</name>
    <message>
        <location filename="../../gui/panels/history_view.py" line="580" />
        <source>Compare the project</source>
        <translation>比较项目</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="581" />
        <source>Compare with:</source>
        <translation>比较对象：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="582" />
        <source>Another project file…</source>
        <translation>其他项目文件…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="583" />
        <source>What differs (framework, weights, settings, data)</source>
        <translation>差异（指标体系、权重、设置、数据）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="584" />
        <source>Change of rank (then → now)</source>
        <translation>排名变化（当时 → 现在）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="594" />
        <source>{0} (the last frozen round)</source>
        <translation>{0}（最近冻结的轮次）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="612" />
        <source>No round has been frozen yet: freeze one first (History → Freeze round).</source>
        <translation>尚未冻结任何轮次：请先冻结一轮（历史 → 冻结轮次）。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="620" />
        <source>Warning: the stored snapshot no longer matches its fingerprint.</source>
        <translation>警告：保存的快照与其指纹不再一致。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="622" />
        <source>Round “{0}” frozen {1} by {2}, fingerprint {3}; now {4}.</source>
        <translation>轮次“{0}”由 {2} 于 {1} 冻结，指纹 {3}；现在 {4}。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="637" />
        <source>Cannot compare</source>
        <translation>无法比较</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="637" />
        <source>{0} cannot be used: {1}</source>
        <translation>{0} 无法使用：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="645" />
        <source>{0}, fingerprint {1}; now {2}.</source>
        <translation>{0}，指纹 {1}；现在 {2}。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="651" />
        <source>Compare with a project file</source>
        <translation>与项目文件比较</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="667" />
        <source>No difference: the fingerprints are equal.</source>
        <translation>没有差异：两者指纹相同。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="669" />
        <source>{0} difference(s); {1} unit(s) changed rank.</source>
        <translation>{0} 处差异；{1} 个单位排名变化。</translation>
    </message>
</context>
<context>
    <name>DiffModel</name>
    <message>
        <location filename="../../gui/panels/history_view.py" line="320" />
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="320" />
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="320" />
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="320" />
        <source>Now</source>
        <translation>当前</translation>
    </message>
</context>
<context>
    <name>EditionBar</name>
    <message>
        <location filename="../../gui/panels/edition_bar.py" line="70" />
        <source>Editions normalised: {0}</source>
        <translation>历年标准化：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/edition_bar.py" line="96" />
        <source>Editions</source>
        <translation>版次</translation>
    </message>
    <message>
        <location filename="../../gui/panels/edition_bar.py" line="97" />
        <source> Edition: </source>
        <translation> 版次：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/edition_bar.py" line="98" />
        <source>The edition the ranking, the charts, the map and the data tab show</source>
        <translation>排名、图表、地图和数据页显示的版次</translation>
    </message>
    <message>
        <location filename="../../gui/panels/edition_bar.py" line="99" />
        <source> Change against: </source>
        <translation> 变化对比：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/edition_bar.py" line="100" />
        <source>What the ranking's change column compares with (Ctrl+B pins a baseline)</source>
        <translation>排名表“变化”列的对比对象（Ctrl+B 固定基准）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/edition_bar.py" line="103" />
        <source>the previous edition</source>
        <translation>上一版次</translation>
    </message>
    <message>
        <location filename="../../gui/panels/edition_bar.py" line="104" />
        <source>the pinned baseline</source>
        <translation>固定基准</translation>
    </message>
    <message>
        <location filename="../../gui/panels/edition_bar.py" line="106" />
        <source> Scores across editions: </source>
        <translation> 历年标准化：</translation>
    </message>
</context>
<context>
    <name>EditionTab</name>
    <message>
        <location filename="../../gui/panels/edition_tab.py" line="212" />
        <source>Chosen cities: {0}</source>
        <translation>选定城市：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/edition_tab.py" line="212" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../gui/panels/edition_tab.py" line="229" />
        <source>{0}: {1} → {2}</source>
        <translation>{0}：{1} → {2}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/edition_tab.py" line="231" />
        <source>{0}: rank by edition</source>
        <translation>{0}：历年排名</translation>
    </message>
    <message>
        <location filename="../../gui/panels/edition_tab.py" line="251" />
        <source>{0}: dimension scores by edition</source>
        <translation>{0}：历年各维度得分</translation>
    </message>
    <message>
        <location filename="../../gui/panels/edition_tab.py" line="261" />
        <source>The node whose rank is followed</source>
        <translation>跟踪排名的节点</translation>
    </message>
    <message>
        <location filename="../../gui/panels/edition_tab.py" line="267" />
        <source>Ranks over the editions</source>
        <translation>排名走势</translation>
    </message>
    <message>
        <location filename="../../gui/panels/edition_tab.py" line="267" />
        <source>Slope: two editions</source>
        <translation>两版次对比</translation>
    </message>
    <message>
        <location filename="../../gui/panels/edition_tab.py" line="268" />
        <source>City over the editions</source>
        <translation>城市历年得分</translation>
    </message>
    <message>
        <location filename="../../gui/panels/edition_tab.py" line="271" />
        <source>Top N</source>
        <translation>前 N 名</translation>
    </message>
    <message>
        <location filename="../../gui/panels/edition_tab.py" line="272" />
        <source>Chosen cities</source>
        <translation>选定城市</translation>
    </message>
    <message>
        <location filename="../../gui/panels/edition_tab.py" line="276" />
        <source>N:</source>
        <translation>N：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/edition_tab.py" line="277" />
        <source>How many of the best cities of the last edition are drawn</source>
        <translation>画出最后一个版次排名前几位的城市</translation>
    </message>
    <message>
        <location filename="../../gui/panels/edition_tab.py" line="278" />
        <source>+ Selected city</source>
        <translation>＋ 当前城市</translation>
    </message>
    <message>
        <location filename="../../gui/panels/edition_tab.py" line="279" />
        <source>Add the city selected in the ranking to the chosen cities</source>
        <translation>把排名中选中的城市加入选定城市</translation>
    </message>
    <message>
        <location filename="../../gui/panels/edition_tab.py" line="280" />
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../gui/panels/edition_tab.py" line="281" />
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/edition_tab.py" line="282" />
        <source>To:</source>
        <translation>到：</translation>
    </message>
</context>
<context>
    <name>ExpertFormsDialog</name>
    <message>
        <location filename="../../gui/dialogs/expert_forms_dialog.py" line="232" />
        <source>Enter the experts' names first.</source>
        <translation>请先输入专家姓名。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/expert_forms_dialog.py" line="238" />
        <source>Excel workbooks (*.xlsx *.xlsm)</source>
        <translation>Excel 工作簿 (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/expert_forms_dialog.py" line="265" />
        <source>Problems ({0})</source>
        <translation>问题（{0}）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/expert_forms_dialog.py" line="273" />
        <source>Import and merge</source>
        <translation>导入与汇总</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/expert_forms_dialog.py" line="274" />
        <source>Experts:</source>
        <translation>专家：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/expert_forms_dialog.py" line="275" />
        <source>Names, separated by commas or new lines</source>
        <translation>专家姓名，用逗号或换行分隔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/expert_forms_dialog.py" line="276" />
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/expert_forms_dialog.py" line="277" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/expert_forms_dialog.py" line="278" />
        <source>Remove all</source>
        <translation>全部移除</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/expert_forms_dialog.py" line="279" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ExpertScoringDialog</name>
    <message>
        <location filename="../../gui/dialogs/expert_scoring.py" line="33" />
        <source>Scored by experts</source>
        <translation>专家评分</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/expert_scoring.py" line="34" />
        <source>How is {0} {1} measured?</source>
        <translation>{0} {1} 如何取值？</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/expert_scoring.py" line="36" />
        <source>Scored by an expert panel on score sheets (not a statistic)</source>
        <translation>由专家组在评分表上打分（而非统计数据）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/expert_scoring.py" line="43" />
        <source>What the experts read on their sheet: what a high and a low score mean</source>
        <translation>专家在评分表上看到的说明：高分和低分各代表什么</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/expert_scoring.py" line="50" />
        <source>Lowest score:</source>
        <translation>评分下限：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/expert_scoring.py" line="51" />
        <source>Highest score:</source>
        <translation>评分上限：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/expert_scoring.py" line="52" />
        <source>Guidance:</source>
        <translation>评分说明：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/expert_scoring.py" line="87" />
        <source>The lowest score must be below the highest.</source>
        <translation>评分下限必须低于评分上限。</translation>
    </message>
</context>
<context>
    <name>FreezeDialog</name>
    <message>
        <location filename="../../gui/panels/history_view.py" line="487" />
        <source>Round {0}</source>
        <translation>第 {0} 轮</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="504" />
        <source>Freeze a round</source>
        <translation>冻结轮次</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="505" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="506" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="507" />
        <source>Keep the framework, data, settings and weights as they are now, with their SHA-256 fingerprint. Later changes are shown against the last frozen round.</source>
        <translation>按当前状态保存指标体系、数据、设置和权重及其 SHA-256 指纹。之后的修改将与最近冻结的轮次对比显示。</translation>
    </message>
</context>
<context>
    <name>Guide</name>
    <message>
        <location filename="../../gui/dialogs/help_dialog.py" line="28" />
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../gui/panels/history_view.py" line="56" />
        <location filename="../../gui/panels/history_view.py" line="58" />
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="71" />
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="72" />
        <source>Data cell</source>
        <translation>数据单元格</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="73" />
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="74" />
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="75" />
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="76" />
        <source>Node field</source>
        <translation>节点字段</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="77" />
        <source>Node added</source>
        <translation>新增节点</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="78" />
        <source>Node removed</source>
        <translation>删除节点</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="79" />
        <source>Children reordered</source>
        <translation>子节点顺序调整</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="80" />
        <source>Unit added</source>
        <translation>新增单位</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="81" />
        <source>Unit removed</source>
        <translation>删除单位</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="82" />
        <source>Column added</source>
        <translation>新增列</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="83" />
        <source>Column removed</source>
        <translation>删除列</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="84" />
        <source>Data sheet re-imported</source>
        <translation>数据表重新导入</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="85" />
        <source>Round frozen</source>
        <translation>轮次已冻结</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="99" />
        <source> (edition {0})</source>
        <translation>（{0} 版）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="132" />
        <source>{0} {1}: {2} → {3}</source>
        <translation>{0} {1}：{2} → {3}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="143" />
        <source>(and {0} more)</source>
        <translation>（另有 {0} 处）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="700" />
        <source>Re-import the data sheet</source>
        <translation>重新导入数据表</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../gui/panels/history_view.py" line="189" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="189" />
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="189" />
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="189" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="189" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="214" />
        <source>undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="214" />
        <source>done</source>
        <translation>已生效</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="218" />
        <source>fingerprint {0} → {1}</source>
        <translation>指纹 {0} → {1}</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../gui/panels/history_view.py" line="403" />
        <source>Filter by node code or unit…</source>
        <translation>按节点代码或单位筛选…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="404" />
        <source>Freeze round…</source>
        <translation>冻结轮次…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="405" />
        <source>Compare…</source>
        <translation>比较…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="463" />
        <source>Select an entry to see the ranking before and after it.</source>
        <translation>选择一条记录，查看其前后的排名。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="469" />
        <source>Fingerprint {0} → {1}.</source>
        <translation>指纹 {0} → {1}。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="472" />
        <source>{0} — {1} unit(s) changed rank.</source>
        <translation>{0} — {1} 个单位排名变化。</translation>
    </message>
</context>
<context>
    <name>IndicatorTreeModel</name>
    <message>
        <location filename="../../gui/models/tree_model.py" line="224" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../gui/models/tree_model.py" line="224" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gui/models/tree_model.py" line="224" />
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../gui/models/tree_model.py" line="224" />
        <source>Effective</source>
        <translation>有效权重</translation>
    </message>
    <message>
        <location filename="../../gui/models/tree_model.py" line="225" />
        <source>+/−</source>
        <comment>direction column</comment>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../gui/models/tree_model.py" line="225" />
        <source>Aggregation</source>
        <translation>聚合</translation>
    </message>
    <message>
        <location filename="../../gui/models/tree_model.py" line="225" />
        <source>Normalisation</source>
        <translation>标准化</translation>
    </message>
    <message>
        <location filename="../../gui/models/tree_model.py" line="226" />
        <source>Lock</source>
        <comment>locked column</comment>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../gui/models/tree_model.py" line="230" />
        <source>Indicator code</source>
        <translation>指标代码</translation>
    </message>
    <message>
        <location filename="../../gui/models/tree_model.py" line="231" />
        <source>Indicator name</source>
        <translation>指标名称</translation>
    </message>
    <message>
        <location filename="../../gui/models/tree_model.py" line="232" />
        <source>Share among its siblings (siblings sum to 100 %)</source>
        <translation>在同级中的占比（同级合计 100%）</translation>
    </message>
    <message>
        <location filename="../../gui/models/tree_model.py" line="233" />
        <source>Share of the whole index (product of the shares on the path)</source>
        <translation>占总指数的比重（路径上各级占比之积）</translation>
    </message>
    <message>
        <location filename="../../gui/models/tree_model.py" line="234" />
        <source>Direction — + : more is better; − : less is better</source>
        <translation>方向——+：越大越好；−：越小越好</translation>
    </message>
    <message>
        <location filename="../../gui/models/tree_model.py" line="235" />
        <source>How the children are combined (grey: project default)</source>
        <translation>下级指标的合成方法（灰色：项目默认）</translation>
    </message>
    <message>
        <location filename="../../gui/models/tree_model.py" line="236" />
        <source>How the indicator values are rescaled (grey: inherited)</source>
        <translation>指标值的标准化方法（灰色：继承）</translation>
    </message>
    <message>
        <location filename="../../gui/models/tree_model.py" line="237" />
        <source>A locked weight keeps its share when a sibling's weight changes</source>
        <translation>锁定的权重在同级权重变化时保持不变</translation>
    </message>
    <message>
        <location filename="../../gui/models/tree_model.py" line="332" />
        <source>Unit: {0}</source>
        <translation>单位：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/models/tree_model.py" line="334" />
        <source>Source: {0}</source>
        <translation>来源：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/models/tree_model.py" line="337" />
        <source>Inherited: {0}</source>
        <translation>继承：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/models/tree_model.py" line="339" />
        <source>Project default: {0}</source>
        <translation>项目默认：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/models/tree_model.py" line="347" />
        <source>Locked: keeps its share when a sibling changes; unlock to edit</source>
        <translation>已锁定：同级变化时保持不变；解锁后可编辑</translation>
    </message>
    <message>
        <location filename="../../gui/models/tree_model.py" line="382" />
        <source>+ (more is better)</source>
        <translation>+（越大越好）</translation>
    </message>
    <message>
        <location filename="../../gui/models/tree_model.py" line="382" />
        <source>− (less is better)</source>
        <translation>−（越小越好）</translation>
    </message>
    <message>
        <location filename="../../gui/models/tree_model.py" line="384" />
        <source>(default: {0})</source>
        <translation>（默认：{0}）</translation>
    </message>
    <message>
        <location filename="../../gui/models/tree_model.py" line="387" />
        <source>(inherit: {0})</source>
        <translation>（继承：{0}）</translation>
    </message>
    <message>
        <location filename="../../gui/models/tree_model.py" line="441" />
        <source>Rename {0}</source>
        <translation>重命名 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/models/tree_model.py" line="447" />
        <source>Direction of {0}</source>
        <translation>{0} 的方向</translation>
    </message>
    <message>
        <location filename="../../gui/models/tree_model.py" line="456" />
        <source>Aggregation of {0}</source>
        <translation>{0} 的聚合方法</translation>
    </message>
    <message>
        <location filename="../../gui/models/tree_model.py" line="456" />
        <source>Normalisation of {0}</source>
        <translation>{0} 的标准化方法</translation>
    </message>
</context>
<context>
    <name>JudgementModel</name>
    <message>
        <location filename="../../gui/dialogs/ahp_editor.py" line="181" />
        <source>{0} compared with {1}: {2}</source>
        <translation>{0} 与 {1} 相比：{2}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="191" />
        <source>{0:.1f} ms</source>
        <translation>{0:.1f} 毫秒</translation>
    </message>
    <message>
        <location filename="../../gui/headless/selftest.py" line="177" />
        <location filename="../../gui/main_window.py" line="465" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="466" />
        <source>Recent files</source>
        <translation>最近打开</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="467" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="468" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="469" />
        <source>&amp;Weights</source>
        <translation>权重(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="470" />
        <source>AHP pairwise comparisons for the selected node…</source>
        <translation>层次分析法：对所选节点两两比较…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="471" />
        <source>Weights from the data (entropy, CRITIC, PCA…)…</source>
        <translation>由数据求权重（熵权法、CRITIC、主成分…）…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="472" />
        <source>Expert panel: write weight forms…</source>
        <translation>专家组：生成赋权表…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="473" />
        <source>Expert panel: merge filled forms…</source>
        <translation>专家组：汇总填好的赋权表…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="474" />
        <source>Expert scores: write score sheets…</source>
        <translation>专家打分：生成打分表…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="475" />
        <source>Expert scores: merge filled score sheets…</source>
        <translation>专家打分：汇总填好的打分表…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="476" />
        <source>Scenarios: save, switch, compare…</source>
        <translation>权重情景：保存、切换、比较…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="477" />
        <source>Uncertainty, sensitivity and audit</source>
        <translation>不确定性、敏感性与统计审查</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="478" />
        <source>How sure is the ranking?</source>
        <translation>排名有多可靠？</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="479" />
        <source>History</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="480" />
        <source>&amp;History</source>
        <translation>记录(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="481" />
        <source>Show the history of changes</source>
        <translation>显示修改记录</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="482" />
        <source>Freeze this round…</source>
        <translation>冻结本轮…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="483" />
        <source>Compare with a frozen round or another project…</source>
        <translation>与冻结轮次或其他项目比较…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="484" />
        <source>Re-import the data sheet…</source>
        <translation>重新导入数据表…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="485" />
        <source>Preferences…</source>
        <translation>偏好设置…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="486" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="487" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="488" />
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="489" />
        <source>Open the sample project</source>
        <translation>打开示例项目</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="490" />
        <source>&amp;Save project</source>
        <translation>保存项目(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="491" />
        <source>Save project &amp;as…</source>
        <translation>项目另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="492" />
        <source>Recover unsaved work…</source>
        <translation>恢复未保存的工作…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="493" />
        <source>&amp;Export results workbook…</source>
        <translation>导出结果工作簿(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="494" />
        <source>Export all charts to a folder…</source>
        <translation>导出全部图表到文件夹…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="495" />
        <source>Export report draft (Word)…</source>
        <translation>导出报告草稿（Word）…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="496" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="497" />
        <source>Pin the current ranking as baseline</source>
        <translation>将当前排名设为对比基准</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="498" />
        <location filename="../../gui/main_window.py" line="1036" />
        <source>About CityIndex Studio</source>
        <translation>关于城市指数评价工作台</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="499" />
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="500" />
        <source>New blank project…</source>
        <translation>新建空白项目…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="501" />
        <source>Verify a results workbook…</source>
        <translation>核验结果工作簿…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="503" />
        <source>Indicators and weights</source>
        <translation>指标与权重</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="504" />
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="505" />
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="650" />
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="512" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="513" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="524" />
        <source>no project</source>
        <translation>无项目</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="527" />
        <source>illustrative sample data, not statistics</source>
        <translation>示例数据，数值虚构，非统计数据</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="590" />
        <source>Opening {0} was cancelled</source>
        <translation>已取消打开 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="607" />
        <source>Opening {0}…</source>
        <translation>正在打开 {0}…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="635" />
        <source>Part of the project could not be read</source>
        <translation>项目文件的一部分无法读取</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="640" />
        <source>Open a workbook</source>
        <translation>打开工作簿</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="665" />
        <source>{0} could not be opened: {1} error(s) listed below. The project that was open stays open.</source>
        <translation>无法打开 {0}：下方列出 {1} 个错误。当前项目保持打开。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="670" />
        <source>A recovery copy of this project exists: File → Recover unsaved work.</source>
        <translation>此项目有一份恢复副本：文件 → 恢复未保存的工作。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="813" />
        <source>Save cancelled; {0} is as it was</source>
        <translation>已取消保存；{0} 保持原样</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="954" />
        <source>Export cancelled</source>
        <translation>已取消导出（原有文件未改动）</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1073" />
        <location filename="../../gui/main_window.py" line="1079" />
        <location filename="../../gui/main_window.py" line="1093" />
        <source>New blank project</source>
        <translation>新建空白项目</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1074" />
        <source>The units to rank (cities), one per line — may be left empty and filled in the workbook:</source>
        <translation>参评对象（城市），每行一个——也可留空，之后在工作簿中填写：</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1080" />
        <source>new_project.xlsx</source>
        <translation>新项目.xlsx</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1090" />
        <source>Could not write {0}</source>
        <translation>无法写入 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1094" />
        <source>{0} was written: the default framework, and a data sheet with {1} unit(s) and the indicators' columns. Fill in the data (Excel or WPS), then open it with File → Open.</source>
        <translation>已写出 {0}：默认指标体系，以及含 {1} 个参评对象和各指标列的数据表。请在 Excel 或 WPS 中填好数据，再用“文件 → 打开”打开。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="605" />
        <location filename="../../gui/main_window.py" line="674" />
        <source>Could not open {0}</source>
        <translation>无法打开 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="650" />
        <source>Data ({0})</source>
        <translation>数据（{0}）</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="687" />
        <source>{0} has {1} cell(s) that are not numbers ({2}). Open it anyway, with these cells treated as missing? They stay listed under Problems and can be corrected in the Data tab.</source>
        <translation>{0} 有 {1} 个单元格不是数字（{2}）。是否仍然打开，并把这些单元格按缺失处理？它们会继续列在“问题”中，可在“数据”标签中改正。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="690" />
        <source>Open anyway?</source>
        <translation>仍然打开？</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="705" />
        <source>{0} is not the open project: correct it in the file and open it again</source>
        <translation>{0} 不是当前打开的项目：请在该文件中改正后重新打开</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="777" />
        <source>project.cidx</source>
        <translation>城市指数项目.cidx</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="778" />
        <source>Save project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="805" />
        <location filename="../../gui/main_window.py" line="816" />
        <source>Save failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="820" />
        <source>Saving {0}…</source>
        <translation>正在保存 {0}…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="836" />
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="847" />
        <source>Autosave failed: {0}</source>
        <translation>自动保存失败：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="857" />
        <source>a project that was never saved</source>
        <translation>一个从未保存的项目</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="858" />
        <source>CityIndex Studio did not close normally. Unsaved changes of {0} were kept in {1}.
Open them now?</source>
        <translation>城市指数评价工作台上次未正常关闭。{0} 的未保存修改已保存在 {1}。
现在打开吗？</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="860" />
        <source>Recover unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="886" />
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="886" />
        <source>The project has unsaved changes. Save them?</source>
        <translation>项目有未保存的修改。是否保存？</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="894" />
        <source>Export results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="895" />
        <source>results.xlsx</source>
        <translation>评价结果.xlsx</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="947" />
        <source>Written {0}</source>
        <translation>已写入 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="956" />
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="960" />
        <source>Writing {0}…</source>
        <translation>正在写入 {0}…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="982" />
        <source>Export all charts to a folder</source>
        <translation>导出全部图表到文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="987" />
        <source>{0} files written to {1}</source>
        <translation>已将 {0} 个文件写入 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1037" />
        <source>CityIndex Studio {0}
Build, weight and compute composite city indices.</source>
        <translation>城市指数评价工作台 {0}
构建指标体系、赋权并计算城市综合指数。</translation>
    </message>
</context>
<context>
    <name>MapChart</name>
    <message>
        <location filename="../../gui/charts/map_chart.py" line="294" />
        <source>South China Sea Islands</source>
        <translation>南海诸岛</translation>
    </message>
    <message>
        <location filename="../../gui/charts/map_chart.py" line="404" />
        <source>Not located: {0}</source>
        <translation>未定位：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/map_chart.py" line="498" />
        <source>No rank</source>
        <translation>无排名</translation>
    </message>
    <message>
        <location filename="../../gui/charts/map_chart.py" line="500" />
        <source>Rank {0}</source>
        <translation>第 {0} 名</translation>
    </message>
    <message>
        <location filename="../../gui/charts/map_chart.py" line="531" />
        <source>{0}: top {1} on the map</source>
        <translation>{0}：前 {1} 名分布</translation>
    </message>
</context>
<context>
    <name>MethodRanksModel</name>
    <message>
        <location filename="../../gui/models/method_ranks_model.py" line="49" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../gui/models/method_ranks_model.py" line="49" />
        <source>Current rank</source>
        <translation>当前排名</translation>
    </message>
    <message>
        <location filename="../../gui/models/method_ranks_model.py" line="50" />
        <source>Largest shift</source>
        <translation>最大排名变动</translation>
    </message>
    <message>
        <location filename="../../gui/models/method_ranks_model.py" line="60" />
        <source>The rank with the project's own methods</source>
        <translation>按项目当前方法得到的排名</translation>
    </message>
    <message>
        <location filename="../../gui/models/method_ranks_model.py" line="62" />
        <source>The largest |rank under a method − current rank|; tinted from {0} places</source>
        <translation>各方法排名与当前排名之差的最大绝对值；变动 {0} 位及以上着色</translation>
    </message>
    <message>
        <location filename="../../gui/models/method_ranks_model.py" line="65" />
        <source>Every node aggregated by {0}, same normalised values and weights</source>
        <translation>所有节点均按{0}汇总，标准化值与权重不变</translation>
    </message>
    <message>
        <location filename="../../gui/models/method_ranks_model.py" line="104" />
        <source>Under {0}</source>
        <translation>出现在：{0}</translation>
    </message>
</context>
<context>
    <name>MethodRanksView</name>
    <message>
        <location filename="../../gui/panels/method_ranks_view.py" line="78" />
        <source>Ranking the units by every method…</source>
        <translation>正在按各方法计算排名…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/method_ranks_view.py" line="124" />
        <source>Each column aggregates every node by one method, over the same normalised values and weights (OECD/JRC Handbook, Table 38). Units moved by {0} places or more are tinted: {1}.</source>
        <translation>每一列将所有节点按同一种方法汇总，标准化值与权重不变（OECD/JRC 手册表 38）。排名变动 {0} 位及以上的单位着色：共 {1} 个。</translation>
    </message>
</context>
<context>
    <name>Methods</name>
    <message>
        <location filename="../../gui/text/labels.py" line="17" />
        <source>Min-max</source>
        <translation>极差法</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="18" />
        <source>Z-score</source>
        <translation>Z 分数</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="19" />
        <source>Rank</source>
        <translation>排名法</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="20" />
        <source>Percentile</source>
        <translation>百分位法</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="21" />
        <source>Goalposts</source>
        <translation>固定上下限</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="22" />
        <source>Distance to target</source>
        <translation>目标值法</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="23" />
        <source>Ratio to maximum</source>
        <translation>比值法</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="24" />
        <source>Arithmetic mean</source>
        <translation>算术平均</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="25" />
        <source>Geometric mean</source>
        <translation>几何平均</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="26" />
        <source>Harmonic mean</source>
        <translation>调和平均</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="27" />
        <source>TOPSIS</source>
        <translation>TOPSIS</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="28" />
        <source>Grey relational analysis</source>
        <translation>灰色关联</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="29" />
        <source>Rank-sum ratio</source>
        <translation>秩和比</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="30" />
        <source>Copeland ranking</source>
        <translation>Copeland 排序</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="31" />
        <source>DEA/BoD (benefit of the doubt)</source>
        <translation>DEA/BoD</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="32" />
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="33" />
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="34" />
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="35" />
        <source>Group mean</source>
        <translation>组均值</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="36" />
        <source>Group median</source>
        <translation>组中位数</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="37" />
        <source>Winsorise</source>
        <translation>缩尾处理</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="38" />
        <source>Logarithm</source>
        <translation>对数变换</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="39" />
        <source>log(1 + x)</source>
        <translation>log(1 + x) 变换</translation>
    </message>
</context>
<context>
    <name>PanelDialog</name>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="182" />
        <source>Folder for the expert forms</source>
        <translation>专家征询表的保存文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="201" />
        <source>Choose a folder for the forms.</source>
        <translation>请选择保存征询表的文件夹。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="206" />
        <source>The folder cannot be created: {0}</source>
        <translation>无法创建文件夹：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="218" />
        <source>{0} forms written to {1}:</source>
        <translation>已生成 {0} 份征询表，保存在 {1}：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="221" />
        <source>Not written:</source>
        <translation>未能生成：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="228" />
        <source>Filled expert forms</source>
        <translation>已填写的专家征询表</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="269" />
        <source>used</source>
        <translation>已采用</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="272" />
        <source>not used: %n problem(s)</source>
        <translation>
            <numerusform>未采用：%n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="324" />
        <source>Merged nodes ({0} forms used, {1})</source>
        <translation>汇总结果（采用 {0} 份征询表，{1}）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="325" />
        <source>Merged nodes</source>
        <translation>汇总结果</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="342" />
        <source>Weights per expert</source>
        <translation>各专家的权重</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="349" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="349" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="349" />
        <source>Merged</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="349" />
        <source>CV</source>
        <translation>变异系数</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="349" />
        <source>Spread</source>
        <translation>极差</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="372" />
        <source>CR</source>
        <translation>CR</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="377" />
        <source>consistency ratio (AHP forms)</source>
        <translation>一致性比率（两两比较）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="380" />
        <source>direct</source>
        <translation>直接赋权</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="385" />
        <source>CR ≥ 0.10: this expert's judgements are not consistent enough</source>
        <translation>CR ≥ 0.10：该专家的判断未通过一致性检验</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="392" />
        <source>Weights per expert: {0} {1}</source>
        <translation>各专家的权重：{0} {1}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="394" />
        <source>Kendall's W needs at least two experts and two children.</source>
        <translation>计算肯德尔协调系数 W 至少需要两位专家和两个下级指标。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="396" />
        <source>significant agreement</source>
        <translation>意见显著一致</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="396" />
        <source>no significant agreement</source>
        <translation>意见一致性不显著</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="397" />
        <source>Kendall's W = {0:.3f}, χ² = {1:.2f} with {2} degrees of freedom, p = {3:.4f} ({4} at the 5 % level). CV: coefficient of variation of the experts' weights (sample sd / mean); spread: max − min.</source>
        <translation>肯德尔协调系数 W = {0:.3f}，χ² = {1:.2f}，自由度 {2}，p = {3:.4f}（在 5% 水平上{4}）。变异系数：各专家权重的样本标准差 / 均值；极差：最大值 − 最小值。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="441" />
        <source>Expert panel weights of {0}</source>
        <translation>{0} 的专家组权重</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="442" />
        <source>Expert panel weights ({0} nodes)</source>
        <translation>专家组权重（{0} 个节点）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="444" />
        <source>Applied: {0}</source>
        <translation>已应用：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="454" />
        <source>Expert panel</source>
        <translation>专家组赋权</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="455" />
        <source>Export forms</source>
        <translation>生成征询表</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="456" />
        <source>One form per expert: a sheet of instructions (in Chinese), a weights sheet for direct weights and one pairwise-comparison sheet (AHP) per node. Send each expert their form; import the filled forms on the next tab.</source>
        <translation>每位专家一份征询表：一张填写说明、一张直接赋权的 weights 表，以及每个节点一张两两比较（AHP）表。将征询表发给各位专家，收回后在下一页导入。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="459" />
        <source>Round:</source>
        <translation>轮次：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="460" />
        <source>Nodes:</source>
        <translation>节点：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="461" />
        <source>All {0} nodes with two or more children: {1}</source>
        <translation>全部 {0} 个有两个及以上下级指标的节点：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="463" />
        <source>Write the forms</source>
        <translation>生成征询表</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="464" />
        <source>Add filled forms…</source>
        <translation>添加已填写的征询表…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="465" />
        <source>Merge:</source>
        <translation>汇总方法：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="466" />
        <source>AIJ: geometric mean of the judgements</source>
        <translation>AIJ：判断矩阵几何平均</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="467" />
        <source>AIP: mean of the weights</source>
        <translation>AIP：权重算术平均</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="470" />
        <source>Forms</source>
        <translation>征询表</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="471" />
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="474" />
        <source>Expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="471" />
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="474" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="471" />
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="472" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="472" />
        <source>Nodes answered</source>
        <translation>已填写的节点</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="474" />
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="475" />
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="475" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="476" />
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="476" />
        <source>Experts</source>
        <translation>专家数</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="476" />
        <source>Kendall's W</source>
        <translation>肯德尔 W</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="477" />
        <source>χ² (df)</source>
        <translation>χ²（自由度）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="477" />
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="477" />
        <source>CR merged</source>
        <translation>汇总 CR</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="478" />
        <source>Apply this node</source>
        <translation>应用此节点</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/weight_forms_dialog.py" line="479" />
        <source>Apply all merged weights</source>
        <translation>应用全部汇总权重</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../gui/dialogs/preferences.py" line="34" />
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/preferences.py" line="35" />
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/preferences.py" line="36" />
        <source>The history of a project names who made each change. Empty: your login name ({0}).</source>
        <translation>项目历史记录每项修改的修改人。留空则使用登录名（{0}）。</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../gui/panels/data_view.py" line="341" />
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data_view.py" line="341" />
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data_view.py" line="341" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data_view.py" line="341" />
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data_view.py" line="345" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data_view.py" line="345" />
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data_view.py" line="345" />
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data_view.py" line="351" />
        <source>sheet {0}</source>
        <translation>工作表「{0}」</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data_view.py" line="353" />
        <source>row {0}</source>
        <translation>第 {0} 行</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data_view.py" line="355" />
        <source>column {0}</source>
        <translation>列「{0}」</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data_view.py" line="356" />
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>RSRGradingModel</name>
    <message>
        <location filename="../../gui/models/rsr_model.py" line="40" />
        <source>Unit</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../gui/models/rsr_model.py" line="40" />
        <source>RSR rank</source>
        <translation>RSR 排名</translation>
    </message>
    <message>
        <location filename="../../gui/models/rsr_model.py" line="40" />
        <source>RSR</source>
        <translation>RSR</translation>
    </message>
    <message>
        <location filename="../../gui/models/rsr_model.py" line="40" />
        <source>Probit</source>
        <translation>Probit</translation>
    </message>
    <message>
        <location filename="../../gui/models/rsr_model.py" line="40" />
        <source>Fitted RSR</source>
        <translation>RSR 估计值</translation>
    </message>
    <message>
        <location filename="../../gui/models/rsr_model.py" line="41" />
        <source>Grade</source>
        <translation>档次</translation>
    </message>
    <message>
        <location filename="../../gui/models/rsr_model.py" line="41" />
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../gui/models/rsr_model.py" line="50" />
        <source>5 + Φ⁻¹(p), p = the mean rank of the unit's RSR value / n</source>
        <translation>5 + Φ⁻¹(p)，p = 该单位 RSR 值的平均秩次 / n</translation>
    </message>
    <message>
        <location filename="../../gui/models/rsr_model.py" line="51" />
        <source>a + b × Probit, from the regression line above</source>
        <translation>a + b × Probit，按上方的回归直线</translation>
    </message>
    <message>
        <location filename="../../gui/models/rsr_model.py" line="52" />
        <source>1 = the lowest level; the highest level is the best</source>
        <translation>1 为最低档；档次越高越好</translation>
    </message>
</context>
<context>
    <name>RSRView</name>
    <message>
        <location filename="../../gui/panels/rsr_view.py" line="129" />
        <source>Fitted RSR by level: {0}</source>
        <translation>各档的 RSR 估计值范围：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/rsr_view.py" line="144" />
        <source>RSR grading: {0} levels</source>
        <translation>秩和比分档：{0} 档</translation>
    </message>
    <message>
        <location filename="../../gui/panels/rsr_view.py" line="152" />
        <source>Node:</source>
        <translation>节点：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/rsr_view.py" line="153" />
        <source>Levels:</source>
        <translation>分档数：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/rsr_view.py" line="154" />
        <source>How many levels the fitted RSR is cut into (the project's rsr_levels setting; an undoable edit)</source>
        <translation>RSR 估计值分为几档（项目设置 rsr_levels；可撤销的修改）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/rsr_view.py" line="156" />
        <source>The nodes aggregated by the rank-sum ratio</source>
        <translation>以秩和比汇总的节点</translation>
    </message>
</context>
<context>
    <name>RankChangeModel</name>
    <message>
        <location filename="../../gui/panels/history_view.py" line="280" />
        <source>Unit</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="280" />
        <source>Rank before</source>
        <translation>之前排名</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="280" />
        <source>Rank after</source>
        <translation>之后排名</translation>
    </message>
    <message>
        <location filename="../../gui/panels/history_view.py" line="280" />
        <source>Change</source>
        <translation>变化</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <location filename="../../gui/models/ranking_model.py" line="125" />
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../gui/models/ranking_model.py" line="140" />
        <location filename="../../gui/models/ranking_model.py" line="141" />
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../gui/models/ranking_model.py" line="125" />
        <source>Unit</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../gui/models/ranking_model.py" line="125" />
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../gui/models/ranking_model.py" line="125" />
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../gui/models/ranking_model.py" line="140" />
        <source>vs {0}</source>
        <translation>较{0}</translation>
    </message>
    <message>
        <location filename="../../gui/models/ranking_model.py" line="150" />
        <source>{0}: rank {1} → {2}: rank {3}</source>
        <translation>{0}：第{1}名 → {2}：第{3}名</translation>
    </message>
    <message>
        <location filename="../../gui/models/ranking_model.py" line="207" />
        <source>No score: {0}</source>
        <translation>无得分：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/models/ranking_model.py" line="207" />
        <source>no data</source>
        <translation>无数据</translation>
    </message>
</context>
<context>
    <name>RankingPage</name>
    <message>
        <location filename="../../gui/main_window.py" line="109" />
        <source>Search a unit…</source>
        <translation>搜索城市…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="110" />
        <source>Top N</source>
        <translation>前 N 名</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="117" />
        <source>All groups</source>
        <translation>全部分组</translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <location filename="../../gui/dialogs/report_export.py" line="93" />
        <source>Export report draft</source>
        <translation>导出报告草稿</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/report_export.py" line="90" />
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/report_export.py" line="85" />
        <source>report.docx</source>
        <translation>评价报告草稿.docx</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/report_export.py" line="91" />
        <source>Word document and PDF (*.pdf)</source>
        <translation>Word 文档和 PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/report_export.py" line="147" />
        <location filename="../../gui/dialogs/report_export.py" line="149" />
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/report_export.py" line="112" />
        <source>Report draft written: {0}</source>
        <translation>报告草稿已生成：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/report_export.py" line="145" />
        <source>Report export cancelled: nothing was written.</source>
        <translation>已取消导出报告：未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/report_export.py" line="152" />
        <source>Drawing the report's figures…</source>
        <translation>正在绘制报告图表…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/report_export.py" line="153" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/report_export.py" line="180" />
        <source>Writing the report draft…</source>
        <translation>正在生成报告草稿…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/report_export.py" line="202" />
        <source>PDF written: {0}</source>
        <translation>PDF 已生成：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/report_export.py" line="206" />
        <source>PDF conversion cancelled; the Word draft was written.</source>
        <translation>已取消 PDF 转换；Word 草稿已生成。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/report_export.py" line="209" />
        <source>No PDF written</source>
        <translation>未生成 PDF</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/report_export.py" line="210" />
        <source>The Word draft was written; the PDF was not:</source>
        <translation>Word 草稿已生成，但未能生成 PDF：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/report_export.py" line="213" />
        <source>Converting to PDF…</source>
        <translation>正在转换为 PDF…</translation>
    </message>
</context>
<context>
    <name>ScenarioPanel</name>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="314" />
        <source>Delete scenario</source>
        <translation>删除情景</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="337" />
        <source>Tick to compare</source>
        <translation>勾选以比较</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="339" />
        <source>Aggregation: {0}</source>
        <translation>汇总方法：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="344" />
        <source>in use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="383" />
        <source>Scenario {0}</source>
        <translation>情景 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="384" />
        <source>Save scenario</source>
        <translation>保存情景</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="384" />
        <source>Name of the scenario:</source>
        <translation>情景名称：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="391" />
        <source>Saved the current weights and methods as {0}.</source>
        <translation>已将当前权重与聚合方法保存为“{0}”。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="399" />
        <source>Switched to {0} (Undo takes it back).</source>
        <translation>已切换到“{0}”（可撤销）。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/panels/scenarios_panel.py" line="401" />
        <source>%n node(s) added since it was saved kept their weights.</source>
        <translation>
            <numerusform>保存之后新增的 %n 个节点保持原权重。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/panels/scenarios_panel.py" line="403" />
        <source>%n node(s) of the scenario are no longer in the tree.</source>
        <translation>
            <numerusform>该情景中有 %n 个节点已不在指标体系中。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="413" />
        <source>Rename scenario</source>
        <translation>重命名情景</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="413" />
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="428" />
        <source>Delete the scenario {0}?</source>
        <translation>删除情景“{0}”？</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="465" />
        <source>Current weights</source>
        <translation>当前权重</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="486" />
        <source>Save the current weights as a scenario, change the weights, save another; tick the scenarios to compare.</source>
        <translation>先将当前权重保存为一个情景，修改权重后再保存另一个；勾选要比较的情景。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="490" />
        <source>Unit</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="492" />
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="520" />
        <source>Ranks re-aggregated from the same normalised data under each scenario's weights and aggregation methods. Change: places gained from the first column to the last.</source>
        <translation>各情景的排名由同一标准化数据按该情景的权重与聚合方法重新汇总得到。变化：从第一列到最后一列上升的名次。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="555" />
        <source>Save the current weights and aggregation methods of every node as a scenario</source>
        <translation>将各节点的当前权重与聚合方法保存为一个情景</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="557" />
        <source>Use this scenario's weights and methods (one undoable step)</source>
        <translation>使用该情景的权重与聚合方法（可一步撤销）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="531" />
        <source>Rank under each scenario</source>
        <translation>各情景下的排名</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="551" />
        <source>Saved scenarios</source>
        <translation>已保存的情景</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="552" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="552" />
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="552" />
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="553" />
        <source>Save current…</source>
        <translation>保存当前权重…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="556" />
        <source>Switch to</source>
        <translation>切换</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="558" />
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="559" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="560" />
        <source>Compare with the current weights too</source>
        <translation>同时与当前权重比较</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="561" />
        <source>Rank changes</source>
        <translation>排名变化</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="562" />
        <source>Ranks</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="563" />
        <source>Cities within the top:</source>
        <translation>显示排名前：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="564" />
        <source>all</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>ScenariosDialog</name>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="591" />
        <source>Scenarios</source>
        <translation>情景</translation>
    </message>
    <message>
        <location filename="../../gui/panels/scenarios_panel.py" line="592" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ScoreSheets</name>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="89" />
        <source>lenient</source>
        <translation>偏宽松</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="90" />
        <source>severe</source>
        <translation>偏严格</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="91" />
        <source>against the rest</source>
        <translation>与他人相悖</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="97" />
        <source>trimmed mean (K = {0})</source>
        <translation>截尾均值（K = {0}）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="98" />
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="98" />
        <source>median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="105" />
        <source>Cell {cell} ({unit}, {code}) is outside the scale.</source>
        <translation>单元格 {cell}（{unit}，{code}）超出分值范围。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="106" />
        <source>Cell {cell} ({unit}, {code}) is not a number: write a score or leave it empty.</source>
        <translation>单元格 {cell}（{unit}，{code}）不是数字：请填写分数或留空。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="108" />
        <source>Cell {cell}: this city was not on the sheet that went out.</source>
        <translation>单元格 {cell}：该城市不在发出的评分表上。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="109" />
        <source>Cell {cell}: this indicator was not on the sheet that went out.</source>
        <translation>单元格 {cell}：该指标不在发出的评分表上。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="111" />
        <source>The expert's name is missing (cell {cell}).</source>
        <translation>缺少专家姓名（单元格 {cell}）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="112" />
        <source>This expert returned more than one sheet: none of them is used until one is removed.</source>
        <translation>该专家交回了不止一份评分表：在移除多余的一份之前，均不使用。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="114" />
        <source>Cell {cell} holds a number as text; read as a number.</source>
        <translation>单元格 {cell} 中的数字以文本形式保存，已按数字读取。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="115" />
        <source>The sheet holds no score.</source>
        <translation>评分表中没有任何分数。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="289" />
        <source>used: {0} scores</source>
        <translation>已使用：{0} 个分数</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="290" />
        <source>not used: {0} problem(s)</source>
        <translation>未使用：{0} 个问题</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="308" />
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="331" />
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="375" />
        <source>Expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="309" />
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="332" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="310" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="311" />
        <source>Flags (all indicators)</source>
        <translation>标记（全部指标）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="333" />
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="334" />
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="335" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="353" />
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="354" />
        <source>Experts</source>
        <translation>专家数</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="355" />
        <source>Cities merged</source>
        <translation>已汇总城市</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="356" />
        <source>Kendall's W</source>
        <translation>肯德尔 W</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="357" />
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="358" />
        <source>ICC(2,k)</source>
        <translation>ICC(2,k)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="359" />
        <source>ICC(3,k)</source>
        <translation>ICC(3,k)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="376" />
        <source>Cells</source>
        <translation>单元格数</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="377" />
        <source>Deviation from the others (% of scale)</source>
        <translation>与其他专家的偏差（占分值范围 %）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="379" />
        <source>r with the others</source>
        <translation>与其他专家的相关系数 r</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="380" />
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="406" />
        <source>{0}, cell {1}</source>
        <translation>{0}，单元格 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="426" />
        <source>too few scores for the rule: no value</source>
        <translation>分数太少，无法按该规则汇总：无值</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="427" />
        <source>{0} of {1} scores</source>
        <translation>{1} 个分数的{0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="430" />
        <source>; dropped: {0}</source>
        <translation>；去掉：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="433" />
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="435" />
        <source>Merged</source>
        <translation>汇总值</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="437" />
        <source>How</source>
        <translation>汇总方式</translation>
    </message>
</context>
<context>
    <name>ScoreSheetsDialog</name>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="441" />
        <source>Folder for the score sheets</source>
        <translation>评分表保存文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="452" />
        <source>No indicator is scored by experts: mark one in the framework (scored_by = expert).</source>
        <translation>没有专家评分指标：请在指标体系中标记（scored_by = expert）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="459" />
        <source>Choose a folder for the score sheets.</source>
        <translation>请选择评分表的保存文件夹。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="466" />
        <source>Not written: {0}</source>
        <translation>未写出：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="468" />
        <source>{0} score sheets written to {1}:</source>
        <translation>已将 {0} 份评分表写入 {1}：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="475" />
        <source>Returned score sheets</source>
        <translation>交回的评分表</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="520" />
        <source>A trimmed mean dropping {0} highest and {0} lowest score(s) needs more than {1} experts; {2} sheet(s) can be merged. Choose the mean or the median, or drop fewer.</source>
        <translation>截尾均值去掉 {0} 个最高分和 {0} 个最低分，需要多于 {1} 位专家；可合并的评分表只有 {2} 份。请改用平均值或中位数，或减少去掉的个数。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="558" />
        <source>Scores per expert</source>
        <translation>各专家评分</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="559" />
        <source>Experts against the others</source>
        <translation>专家与其他专家的比较</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="567" />
        <source>Scores per expert: {0} {1} (scale {2:g}–{3:g})</source>
        <translation>各专家评分：{0} {1}（分值范围 {2:g}–{3:g}）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="568" />
        <source>Experts against the others: {0}</source>
        <translation>专家与其他专家的比较：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="571" />
        <source>Kendall's W needs at least two experts and two cities scored by all of them.</source>
        <translation>肯德尔 W 至少需要两位专家和两个所有专家都评了分的城市。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="573" />
        <source>significant</source>
        <translation>显著</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="573" />
        <source>not significant</source>
        <translation>不显著</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="574" />
        <source>Kendall's W = {0:.3f}, χ² = {1:.2f} with {2} degrees of freedom, p = {3:.4f} ({4} at the 5 % level), over {5} cities scored by every expert.</source>
        <translation>肯德尔 W = {0:.3f}，χ² = {1:.2f}，自由度 {2}，p = {3:.4f}（在 5% 水平上{4}），基于全部专家均评分的 {5} 个城市。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="578" />
        <source>The ICC needs at least two experts and two cities scored by all of them.</source>
        <translation>组内相关系数（ICC）至少需要两位专家和两个所有专家都评了分的城市。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="580" />
        <source>ICC(2,k) = {0} (two-way random, absolute agreement, mean of {2} experts); ICC(3,k) = {1} (two-way mixed, consistency).</source>
        <translation>ICC(2,k) = {0}（双向随机效应，绝对一致性，{2} 位专家的均值）；ICC(3,k) = {1}（双向混合效应，一致性）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="582" />
        <source>A flagged expert (⚑) is shown, never dropped: lenient or severe = their scores sit at least 10 % of the scale above or below the others'; against the rest = r with the others' mean below 0.3. Struck-out scores were dropped by the trimmed mean.</source>
        <translation>被标记（⚑）的专家只作提示，其评分不会被剔除：偏宽松或偏严格 = 其评分比其他专家平均高或低至少分值范围的 10%；与他人相悖 = 与其他专家均值的相关系数 r 低于 0.3。带删除线的分数是截尾均值去掉的分数。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="593" />
        <source>{0} of {1} sheets used; merged by {2}.</source>
        <translation>{1} 份评分表中使用了 {0} 份；汇总方法：{2}。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="599" />
        <source>Sheets ({0})</source>
        <translation>评分表（{0}）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="623" />
        <source>This version cannot write the scores into the data.</source>
        <translation>此版本无法将分数写入数据。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="628" />
        <source>Expert scores of {0}</source>
        <translation>专家评分：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="629" />
        <source>{0} experts, {1}</source>
        <translation>{0} 位专家，{1}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="632" />
        <source>Applied: {0} values of {1}.</source>
        <translation>已应用：{1} 的 {0} 个数值。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="641" />
        <source>Expert score sheets</source>
        <translation>专家评分表</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="642" />
        <source>Write score sheets</source>
        <translation>生成评分表</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="644" />
        <source>One workbook per expert: a first sheet with the scale and the scoring guidance of each indicator (in Chinese), and a sheet with the cities as rows and the expert-scored indicators as columns, accepting only numbers within each scale; the other cells are locked. Send each expert their sheet; import the returned sheets on the next tab.</source>
        <translation>每位专家一个工作簿：第一张表为各指标的分值范围和评分说明（中文）；评分表以城市为行、专家评分指标为列，单元格只接受分值范围内的数字，其余单元格已锁定。请将评分表分别发给各位专家，并在下一页导入交回的评分表。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="648" />
        <source>A comment column for each city</source>
        <translation>为每个城市添加备注列</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="649" />
        <source>Indicators:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="655" />
        <source>None: mark an indicator as scored by experts in the framework (column scored_by = expert, with scale_min, scale_max, guidance).</source>
        <translation>无：请在指标体系中将指标标记为专家评分（scored_by 列填 expert，并填写 scale_min、scale_max、guidance）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="657" />
        <source>Write the score sheets</source>
        <translation>生成评分表</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="658" />
        <source>Add returned sheets…</source>
        <translation>添加交回的评分表…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="659" />
        <source>Merge by:</source>
        <translation>汇总方法：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="660" />
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="660" />
        <source>median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="661" />
        <source>trimmed mean (drop the K highest and K lowest)</source>
        <translation>截尾均值（去掉 K 个最高分和 K 个最低分）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="664" />
        <source>K:</source>
        <translation>K：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="665" />
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/score_sheets_dialog.py" line="666" />
        <source>Apply the merged scores to the data</source>
        <translation>将汇总分数写入数据</translation>
    </message>
</context>
<context>
    <name>StabilityBands</name>
    <message>
        <location filename="../../gui/models/stability_band.py" line="80" />
        <source>While this weight stays within {0}–{1}, the top {2} and their order do not change</source>
        <translation>权重在 {0}–{1} 之间变动时前 {2} 名及其顺序不变</translation>
    </message>
    <message>
        <location filename="../../gui/models/stability_band.py" line="84" />
        <source>; the current weight is less than 10 % from an edge</source>
        <translation>；当前权重距边界不足 10%</translation>
    </message>
    <message>
        <location filename="../../gui/models/stability_band.py" line="86" />
        <source>; the current weight has left this interval (recomputing)</source>
        <translation>；当前权重已离开该区间（正在重新计算）</translation>
    </message>
    <message>
        <location filename="../../gui/models/stability_band.py" line="88" />
        <source>Below {0}: {1} and {2} swap</source>
        <translation>低于 {0}：{1} 与 {2} 交换名次</translation>
    </message>
    <message>
        <location filename="../../gui/models/stability_band.py" line="90" />
        <source>Above {0}: {1} and {2} swap</source>
        <translation>高于 {0}：{1} 与 {2} 交换名次</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../gui/app.py" line="111" />
        <source>the sample project</source>
        <translation>示例项目</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="112" />
        <source>Loading {0}…</source>
        <translation>正在载入 {0}…</translation>
    </message>
</context>
<context>
    <name>TargetModel</name>
    <message>
        <location filename="../../gui/models/target_model.py" line="49" />
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../gui/models/target_model.py" line="49" />
        <source>Current</source>
        <translation>当前值</translation>
    </message>
    <message>
        <location filename="../../gui/models/target_model.py" line="49" />
        <source>Needed</source>
        <translation>所需值</translation>
    </message>
    <message>
        <location filename="../../gui/models/target_model.py" line="49" />
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../gui/models/target_model.py" line="50" />
        <source>Change %</source>
        <translation>变化 %</translation>
    </message>
    <message>
        <location filename="../../gui/models/target_model.py" line="67" />
        <source>no value to change (missing)</source>
        <translation>缺失值，无从改变</translation>
    </message>
    <message>
        <location filename="../../gui/models/target_model.py" line="68" />
        <source>not reachable by this indicator alone</source>
        <translation>单独改变该指标无法达到</translation>
    </message>
    <message>
        <location filename="../../gui/models/target_model.py" line="88" />
        <source>Unit: {0}</source>
        <translation>单位：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/models/target_model.py" line="90" />
        <source>Any change in the good direction is enough (the outlier treatment switches)</source>
        <translation>朝有利方向的任何变化都足够（异常值处理方式随之切换）</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../../gui/worker.py" line="81" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TreePanel</name>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="344" />
        <source>Add {0} under {1}</source>
        <translation>在 {1} 下添加 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="353" />
        <source>Remove {0}</source>
        <translation>删除 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="356" />
        <source>Rename {0} to {1}</source>
        <translation>将 {0} 重命名为 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="360" />
        <source>Move {0} under {1}</source>
        <translation>将 {0} 移到 {1} 下</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="368" />
        <source>{0} scored by experts ({1}–{2})</source>
        <translation>{0} 改为专家评分（{1}–{2}）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="369" />
        <source>{0} measured by data</source>
        <translation>{0} 改为由数据取值</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="404" />
        <location filename="../../gui/panels/tree_panel.py" line="407" />
        <source>Add child</source>
        <translation>添加下级指标</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="404" />
        <source>Code of the new indicator under {0}:</source>
        <translation>{0} 下新指标的代码：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="407" />
        <source>Name of {0}:</source>
        <translation>{0} 的名称：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="416" />
        <source>Rename code</source>
        <translation>修改代码</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="416" />
        <source>New code for {0}:</source>
        <translation>{0} 的新代码：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="435" />
        <source>{0} has nowhere to move</source>
        <translation>{0} 无处可移</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="438" />
        <source>Move {0}</source>
        <translation>移动 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="438" />
        <source>New parent:</source>
        <translation>新的上级：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="446" />
        <source>the edit would break the tree</source>
        <translation>此修改会破坏指标体系</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="448" />
        <source> (and {0} more)</source>
        <translation>（另有 {0} 项）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="449" />
        <source>Refused: {0}</source>
        <translation>已拒绝：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="487" />
        <source>No indicator selected</source>
        <translation>未选择指标</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="497" />
        <location filename="../../gui/panels/tree_panel.py" line="624" />
        <source>Unlock weight</source>
        <translation>解锁权重</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="497" />
        <location filename="../../gui/panels/tree_panel.py" line="624" />
        <source>Lock weight</source>
        <translation>锁定权重</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="620" />
        <source>Split equally</source>
        <translation>等权</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="621" />
        <source>Give the children of the selected node equal weights</source>
        <translation>所选节点的下级指标取相等权重</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="622" />
        <source>Normalise to 100 %</source>
        <translation>归一到 100%</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="623" />
        <source>Rescale the weights of the children so that they sum to 100 %</source>
        <translation>按比例缩放下级权重，使其合计为 100%</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="625" />
        <source>A locked weight keeps its share when a sibling's weight changes</source>
        <translation>锁定的权重在同级权重变化时保持不变</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="626" />
        <source>Reset weights</source>
        <translation>重置权重</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="627" />
        <source>Back to the weights of the loaded file for these children</source>
        <translation>恢复为载入文件中的权重</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="628" />
        <source>Add child…</source>
        <translation>添加下级…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="629" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="630" />
        <source>Rename code…</source>
        <translation>修改代码…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="631" />
        <source>Move to…</source>
        <translation>移动到…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="632" />
        <source>Scored by experts…</source>
        <translation>专家评分…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="633" />
        <source>Whether an expert panel scores this indicator on score sheets, on which scale and with which guidance</source>
        <translation>是否由专家组在评分表上为该指标打分，以及评分范围和评分说明</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="635" />
        <source>Tree</source>
        <translation>结构</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="636" />
        <source>Add, remove, rename or move indicators</source>
        <translation>添加、删除、重命名或移动指标</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="637" />
        <source>Weight of the selected node among its siblings</source>
        <translation>所选节点在同级中的权重</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="638" />
        <source>Stable top N:</source>
        <translation>稳定前 N 名：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/tree_panel.py" line="639" />
        <source>The band under the slider and under each weight: how far the weight can move (its siblings in proportion) before the top N or their order change</source>
        <translation>滑块下和每个权重下的色带：该权重（同级权重按比例调整）在多大范围内变动，前 N 名及其顺序保持不变</translation>
    </message>
</context>
<context>
    <name>UncertaintyChart</name>
    <message>
        <location filename="../../gui/charts/uncertainty_chart.py" line="238" />
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../gui/charts/uncertainty_chart.py" line="239" />
        <source>Stale: the weights changed after this run</source>
        <translation>已过期：本次运行后权重已改变</translation>
    </message>
    <message>
        <location filename="../../gui/charts/uncertainty_chart.py" line="242" />
        <source>Median rank</source>
        <translation>排名中位数</translation>
    </message>
    <message>
        <location filename="../../gui/charts/uncertainty_chart.py" line="243" />
        <source>5–95 % interval</source>
        <translation>5%–95% 区间</translation>
    </message>
    <message>
        <location filename="../../gui/charts/uncertainty_chart.py" line="244" />
        <source>Base rank</source>
        <translation>基准排名</translation>
    </message>
    <message>
        <location filename="../../gui/charts/uncertainty_chart.py" line="298" />
        <source>{0}
base rank {1}, median {2}, 5–95 %: {3}–{4}</source>
        <translation>{0}
基准排名 {1}，中位数 {2}，5%–95%：{3}–{4}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/uncertainty_chart.py" line="368" />
        <source>Sobol' index</source>
        <translation>Sobol' 指数</translation>
    </message>
    <message>
        <location filename="../../gui/charts/uncertainty_chart.py" line="370" />
        <source>First order</source>
        <translation>一阶指数</translation>
    </message>
    <message>
        <location filename="../../gui/charts/uncertainty_chart.py" line="371" />
        <source>Total</source>
        <translation>总效应指数</translation>
    </message>
    <message>
        <location filename="../../gui/charts/uncertainty_chart.py" line="448" />
        <source>Places gained (+) or lost (−)</source>
        <translation>名次上升（+）或下降（−）</translation>
    </message>
    <message>
        <location filename="../../gui/charts/uncertainty_chart.py" line="450" />
        <source>Moves up</source>
        <translation>上升</translation>
    </message>
    <message>
        <location filename="../../gui/charts/uncertainty_chart.py" line="451" />
        <source>Moves down</source>
        <translation>下降</translation>
    </message>
</context>
<context>
    <name>Verify</name>
    <message>
        <location filename="../../gui/dialogs/verify_dialog.py" line="31" />
        <source>input: {0}</source>
        <translation>输入：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/verify_dialog.py" line="35" />
        <source>{0}: not in the results workbook</source>
        <translation>{0}：结果工作簿中没有</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/verify_dialog.py" line="37" />
        <source>{0}: not in the open project</source>
        <translation>{0}：当前项目中没有</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/verify_dialog.py" line="39" />
        <source>{0}: rank written {1}, recomputed {2}</source>
        <translation>{0}：工作簿中排名 {1}，重新计算为 {2}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/verify_dialog.py" line="43" />
        <source>{0}: score {1} written {2}, recomputed {3}</source>
        <translation>{0}：{1} 得分，工作簿中为 {2}，重新计算为 {3}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/verify_dialog.py" line="52" />
        <source>Verify {0}</source>
        <translation>核验 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/verify_dialog.py" line="56" />
        <source>MATCH: {0} was computed from the open project; every score agrees at the written precision.</source>
        <translation>一致：{0} 正是由当前项目算出，所有得分在写出的精度上完全相同。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/verify_dialog.py" line="61" />
        <source>DIFFERENT: {0} does not come from the open project as it is now ({1} difference(s) below).</source>
        <translation>不一致：{0} 并非由当前状态的项目算出（差异 {1} 处，见下）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/verify_dialog.py" line="68" />
        <source>Fingerprint written: {0} (CityIndex Studio {1})
Fingerprint of the open project: {2}</source>
        <translation>工作簿中的指纹：{0}（CityIndex Studio {1}）
当前项目的指纹：{2}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/verify_dialog.py" line="94" />
        <source>Verify a results workbook</source>
        <translation>核验结果工作簿</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/verify_dialog.py" line="105" />
        <source>Cannot verify</source>
        <translation>无法核验</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/verify_dialog.py" line="106" />
        <source>{0} cannot be verified: {1}</source>
        <translation>无法核验 {0}：{1}</translation>
    </message>
</context>
<context>
    <name>WeightsDialog</name>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="166" />
        <source>Entropy (熵权法)</source>
        <translation>熵权法</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="168" />
        <source>Entropy on min-max values</source>
        <translation>熵权法（极差标准化）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="169" />
        <source>CRITIC</source>
        <translation>CRITIC 法</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="170" />
        <source>Standard deviation</source>
        <translation>标准差法</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="171" />
        <source>PCA (OECD/JRC handbook)</source>
        <translation>主成分法（OECD/JRC 手册）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="172" />
        <source>Equal weights</source>
        <translation>等权</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="267" />
        <source>Entropy e</source>
        <translation>信息熵 e</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="267" />
        <source>1 − e</source>
        <translation>1 − e</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="269" />
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="271" />
        <source>σ</source>
        <translation>σ</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="269" />
        <source>Σ(1 − r)</source>
        <translation>Σ(1 − r)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="269" />
        <source>C = σ·Σ(1 − r)</source>
        <translation>C = σ·Σ(1 − r)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="273" />
        <source>Factor</source>
        <translation>因子</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="273" />
        <source>Scaled squared loading</source>
        <translation>归一化载荷平方</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="216" />
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="284" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="167" />
        <source>Entropy-weighted TOPSIS (熵权TOPSIS): entropy weights, TOPSIS at the node</source>
        <translation>熵权TOPSIS（熵权法定权，节点按 TOPSIS 汇总）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="206" />
        <source>Weights from the data for every node, bottom-up</source>
        <translation>由数据为所有节点求权重（自下而上）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="216" />
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="284" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="216" />
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="284" />
        <source>Current</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="216" />
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="284" />
        <source>New</source>
        <translation>新权重</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="216" />
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="217" />
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="284" />
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="238" />
        <source>kept</source>
        <translation>保持不变</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="253" />
        <source>Bottom-up: the nodes right above the indicators first, then each node with its children's scores at their new weights ({0}).</source>
        <translation>自下而上：先为紧邻指标的节点赋权，再依次以各子节点在新权重下的得分为上级节点赋权（{0}）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="256" />
        <source>{0} keeps its weights: {1}</source>
        <translation>{0} 保持原权重：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="258" />
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="331" />
        <source>These weights cannot be computed: {0}</source>
        <translation>无法计算这些权重：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="340" />
        <source>{0} units with a value for every child take part.</source>
        <translation>共 {0} 个各下级指标均有数值的单位参与计算。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="344" />
        <source>Left out ({0}): {1}.</source>
        <translation>未参与（{0} 个）：{1}。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="347" />
        <source>Eigenvalues: {0}; factors kept: {1}; rotation: {2}.</source>
        <translation>特征值：{0}；保留因子数：{1}；旋转：{2}。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="350" />
        <source>σ is the sample standard deviation of the min-max values.</source>
        <translation>σ 为极差标准化值的样本标准差。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="352" />
        <source>Applying also sets the aggregation of {0} to TOPSIS: its score becomes the relative closeness D⁻/(D⁺ + D⁻) over these weights.</source>
        <translation>应用时同时将 {0} 的汇总方法设为 TOPSIS：其得分为按这些权重计算的相对贴近度 D⁻/(D⁺ + D⁻)。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="355" />
        <source>Values are rescaled to [0, 1] with the indicator's direction; a child that is a node enters with its score.</source>
        <translation>数值按指标方向极差标准化到 [0, 1]；下级为节点时使用其得分。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="372" />
        <source>{0} weights of every node (bottom-up)</source>
        <translation>所有节点的{0}权重（自下而上）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="375" />
        <source>Applied to {0} nodes: {1}</source>
        <translation>已应用于 {0} 个节点：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="393" />
        <source>{0} weights of {1}</source>
        <translation>{1} 的{0}权重</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="396" />
        <source>Applied: {0}</source>
        <translation>已应用：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="406" />
        <source>Entropy-weighted TOPSIS at {0}</source>
        <translation>{0} 采用熵权TOPSIS</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="421" />
        <source>Weights from the data</source>
        <translation>客观赋权</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="207" />
        <source>Weights from the data for the children of a node</source>
        <translation>由数据计算节点下级指标的权重（客观赋权）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="423" />
        <source>Node:</source>
        <translation>节点：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="424" />
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="425" />
        <source>Apply to every node at once (bottom-up)</source>
        <translation>一次应用于所有节点（自下而上）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="426" />
        <source>The nodes right above the indicators are weighted first; a node whose children are nodes is weighted from their scores at their new weights</source>
        <translation>先为紧邻指标的节点赋权；子项为节点的，按子节点在新权重下的得分赋权</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="430" />
        <source>Apply to the tree</source>
        <translation>应用到指标体系</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/data_weights_dialog.py" line="431" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>WhyPanel</name>
    <message>
        <location filename="../../gui/panels/why_panel.py" line="277" />
        <source>Pick two ranked units to compare</source>
        <translation>请选择两个有排名的对象进行比较</translation>
    </message>
    <message>
        <location filename="../../gui/panels/why_panel.py" line="283" />
        <source>No comparison: {0} has no score</source>
        <translation>无法比较：{0} 没有得分</translation>
    </message>
    <message>
        <location filename="../../gui/panels/why_panel.py" line="289" />
        <source>Others ({0})</source>
        <translation>其他（{0} 项）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/why_panel.py" line="290" />
        <source>{0} − {1}: score difference by indicator (largest {2})</source>
        <translation>{0} − {1}：得分差按指标分解（贡献最大的 {2} 项）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/why_panel.py" line="295" />
        <source>{0} − {1}: score difference by dimension</source>
        <translation>{0} − {1}：得分差按维度分解</translation>
    </message>
    <message>
        <location filename="../../gui/panels/why_panel.py" line="298" />
        <source>{0} (edition {1})</source>
        <translation>{0}（{1} 版）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/why_panel.py" line="299" />
        <location filename="../../gui/panels/why_panel.py" line="305" />
        <source>Difference</source>
        <translation>得分差</translation>
    </message>
    <message>
        <location filename="../../gui/panels/why_panel.py" line="321" />
        <source>Target ranks are worked out for the latest edition only when the editions are normalised together</source>
        <translation>历年合并标准化或按基年标准化时，目标名次只对最新一版计算</translation>
    </message>
    <message>
        <location filename="../../gui/panels/why_panel.py" line="326" />
        <source>{0}: working out what each indicator would need…</source>
        <translation>{0}：正在计算各指标所需的值…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/why_panel.py" line="340" />
        <source>{0} is ranked {1}: already in the top {2}</source>
        <translation>{0} 位列第 {1} 名，已在前 {2} 名之内</translation>
    </message>
    <message>
        <location filename="../../gui/panels/why_panel.py" line="342" />
        <source>{0} is ranked {1}. To reach rank {2} by changing one indicator alone (all else fixed), it would need:</source>
        <translation>{0} 现居第 {1} 名。若只改变一个指标（其余不变），要进入前 {2} 名需要：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/why_panel.py" line="351" />
        <source>No targets: {0} has no score</source>
        <translation>无法计算目标：{0} 没有得分</translation>
    </message>
    <message>
        <location filename="../../gui/panels/why_panel.py" line="353" />
        <source>No targets: {0}</source>
        <translation>无法计算目标：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/why_panel.py" line="361" />
        <source>City A:</source>
        <translation>城市 A：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/why_panel.py" line="362" />
        <source>compared with B:</source>
        <translation>对比 B：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/why_panel.py" line="363" />
        <source>the one just above</source>
        <translation>紧邻的上一名</translation>
    </message>
    <message>
        <location filename="../../gui/panels/why_panel.py" line="364" />
        <source>B is the unit ranked right above A (right below when A leads)</source>
        <translation>B 为排名紧挨在 A 之上的对象（A 居首时为第二名）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/why_panel.py" line="365" />
        <source>by dimension</source>
        <translation>按维度</translation>
    </message>
    <message>
        <location filename="../../gui/panels/why_panel.py" line="366" />
        <source>by indicator</source>
        <translation>按指标</translation>
    </message>
    <message>
        <location filename="../../gui/panels/why_panel.py" line="367" />
        <source>Target rank K:</source>
        <translation>目标名次 K：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/why_panel.py" line="368" />
        <source>The rank the selected city should reach</source>
        <translation>所选城市要达到的名次</translation>
    </message>
    <message>
        <location filename="../../gui/panels/why_panel.py" line="371" />
        <source>Why?</source>
        <translation>为什么？</translation>
    </message>
</context>
</TS>