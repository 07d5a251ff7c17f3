// 中文为主, English secondary: every label is [zh-CN, English]; <T> renders both, the English smaller.
export const L = {
  appTitle: ['党建引领基层治理 管理控制台', 'Web console'],
  username: ['用户名', 'Username'],
  password: ['密码', 'Password'],
  login: ['登录', 'Log in'],
  logout: ['退出', 'Log out'],
  regions: ['区划', 'Regions'],
  expand: ['展开', 'Expand'],
  collapse: ['收起', 'Collapse'],
  modules: ['模块', 'Modules'],
  figures: ['统计', 'Figures'],
  enabled: ['已启用', 'On'],
  disabled: ['已停用', 'Off'],
  note: ['说明', 'Note'],
  setHere: ['本级设置', 'Set here'],
  inherited: ['继承自', 'Inherited from'],
  byDefault: ['默认', 'Default'],
  reset: ['恢复继承', 'Inherit again'],
  dependsOn: ['依赖', 'Depends on'],
  settings: ['参数', 'Settings'],
  save: ['保存', 'Save'],
  saved: ['已保存', 'Saved'],
  audit: ['操作记录', 'Audit trail'],
  noAudit: ['暂无记录', 'Nothing yet'],
  at: ['时间', 'When'],
  actor: ['操作人', 'Who'],
  action: ['操作', 'What'],
  module: ['模块', 'Module'],
  loading: ['加载中…', 'Loading…'],
  chooseRegion: ['请在左侧选择区划', 'Choose a region on the left'],
  switchesAt: ['开关在乡镇、县市或州设置; 社区跟随乡镇', 'Switches are set at township level or above'],
  year: ['年份', 'Year'],
  interval: ['周期', 'Interval'],
  metric: ['指标', 'Figure'],
  series: ['时间序列', 'Series'],
  ranking: ['排名', 'Ranking'],
  rank: ['名次', 'Rank'],
  name: ['名称', 'Name'],
  value: ['数值', 'Value'],
  previous: ['上期', 'Previous'],
  change: ['变化', 'Change'],
  noRanking: ['没有下级可排名', 'No level below to rank'],
  drillDown: ['下级区划', 'Below'],
  export: ['导出 CSV', 'Export CSV'],
  exporting: ['导出中…', 'Exporting…'],
  dataset: ['数据集', 'Dataset'],
  forbiddenHere: ['此页面需要管理员账号', 'This page is for administrators'],
} as const satisfies Record<string, readonly [string, string]>;

export type LabelKey = keyof typeof L;

/** the label as plain text (for aria-label, title, placeholder): "中文 English" */
export const text = (key: LabelKey) => `${L[key][0]} ${L[key][1]}`;

export const ACTIONS: Record<string, string> = {
  'module.enable': '启用 enabled',
  'module.disable': '停用 disabled',
  'module.reset': '恢复继承 inherits again',
  'module.setting': '参数 setting',
};

export const LEVELS: Record<string, string> = {
  PREFECTURE: '州',
  COUNTY: '县市',
  TOWNSHIP: '乡镇街道',
  COMMUNITY: '社区村',
};
