/** Strings of the backup page and the workbench's backup card, Simplified Chinese (the source catalog); t('backup.…'). */
const messages = {
  title: '备份与恢复',
  intro: '所有数据都在这台电脑上的一个数据库文件里。定期备份到另一块硬盘或移动硬盘，电脑坏了、误删了数据都能找回来。',
  databaseFile: '数据库文件：{{file}}',
  folder: {
    title: '备份设置',
    label: '备份文件夹',
    help: '填写完整路径。留空则使用默认位置：{{folder}}。建议选另一块硬盘或移动硬盘上的文件夹。',
    missing: '这个文件夹现在不存在，备份会失败。',
    auto: '自动备份',
    autoHelp: 'Desk ERP 开着时每天自动备份一次（启动时，或开着过了零点）。保留最近 7 天每天一份、最近 4 周每周一份、最近 12 个月每月一份，更早的自动备份会被删除；手动备份不会被删除。',
    save: '保存设置',
    saved: '备份设置已保存',
  },
  now: {
    button: '立即备份',
    running: '正在备份…… {{percent}}%',
    done: '已备份：{{name}}',
    failed: '备份失败：{{reason}}',
    last: '上次备份：{{at}}（{{size}}）',
    lastFailed: '上次备份失败（{{at}}）：{{reason}}',
    never: '还没有备份过。',
  },
  list: {
    total: '共 {{count}} 份备份',
    totalAtLeast: '{{total}}+ 份备份',
    title: '已有的备份',
    name: '文件名',
    at: '备份时间',
    size: '大小',
    kind: '方式',
    kinds: { auto: '自动', manual: '手动', other: '其他' },
    restore: '从此备份恢复',
    emptyTitle: '还没有备份',
    emptyText: '点“立即备份”做第一份备份，之后每天会自动备份。',
  },
  restore: {
    title: '从备份恢复',
    warning: '恢复会用 {{at}} 的这份备份替换现在的全部数据，这之后录入和修改的内容都会不见。',
    kept: '现在的数据不会删除：会另存一份放在数据库文件旁边，需要时可以再恢复回来。',
    signOut: '恢复后，其他已登录的人都会退出，需要重新登录。',
    confirmLabel: '我已了解，确认用这份备份替换现在的数据',
    confirm: '恢复',
    done: '已从 {{name}} 恢复。原来的数据另存为 {{previous}}。',
  },
  reasons: {
    folder_missing: '备份文件夹不存在（移动硬盘是否已拔出？）',
    disk_full: '磁盘空间不足',
    not_writable: '没有写入备份文件夹的权限',
    failed: '备份时出错，详情见日志',
  },
  diagnostics: {
    title: '诊断信息',
    text: '遇到问题需要求助时，导出诊断信息发给技术支持。里面有日志、版本号、设置（不含密码）和数据检查结果，不含客户资料。',
    button: '导出诊断信息',
    done: '已导出 {{name}}',
  },
  failedCard: {
    title: '备份失败',
    text: '{{at}} 的备份没有成功：{{reason}}。问题解决之前，数据没有新的备份。',
    action: '去备份与恢复',
  },
  units: { B: '{{value}} B', KB: '{{value}} KB', MB: '{{value}} MB', GB: '{{value}} GB' },
};

export default messages;
export type Messages = typeof messages;
