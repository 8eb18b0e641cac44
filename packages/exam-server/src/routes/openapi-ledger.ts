// The OpenAPI paths of the hazard ledger, the regulator, bulk screening, evidence and risk grading; merged
// into openapi.ts's document with one spread, so the two files change apart.
const json = (schema: Record<string, unknown>) => ({ content: { 'application/json': { schema } } });
const error = { description: '错误：message and the offending fields', ...json({ $ref: '#/components/schemas/Error' }) };
const ok = (description: string, schema: Record<string, unknown> = { type: 'object' }) => ({ description, ...json(schema) });
const id = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const date = { type: 'string', format: 'date' };

const plan = {
  type: 'object',
  description: '治理方案（16号令第十五条第二款六项，俗称“五落实”）',
  properties: { goal: { type: 'string' }, measures: { type: 'string' }, fundsYuan: { type: ['number', 'null'], minimum: 0 }, materials: { type: 'string' }, organisation: { type: 'string' }, persons: { type: 'string' }, deadline: { ...date, type: ['string', 'null'] }, requirements: { type: 'string' }, safetyMeasures: { type: 'string' }, emergencyPlan: { type: 'string' }, supervisionAuthority: { type: 'string' }, supervisionDate: { ...date, type: ['string', 'null'] } },
  additionalProperties: false,
};

const screeningJob = {
  type: 'object',
  required: ['id', 'state', 'total', 'done', 'percent'],
  properties: {
    id: { type: 'string' },
    state: { enum: ['running', 'done', 'failed'] },
    total: { type: 'integer' },
    done: { type: 'integer' },
    percent: { type: 'integer', minimum: 0, maximum: 100 },
    error: { type: ['string', 'null'] },
    result: { type: ['object', 'null'], description: 'rows, screened (row, enterprise, hazard, unknown, clear, hazards), problems (row, column, fact, message), landed (matched, withoutAccount)' },
  },
};

const riskEntry = {
  type: 'object',
  required: ['post', 'source', 'method', 'controlLevel', 'measures'],
  description: '风险清单条目。LEC 与风险矩阵均为行业惯例；风险矩阵分档无统一惯例，等级由企业认定（ls.level）',
  properties: {
    post: { type: 'string', maxLength: 60 },
    source: { type: 'string', maxLength: 200 },
    method: { enum: ['lec', 'ls'] },
    lec: { type: 'object', required: ['L', 'E', 'C'], properties: { L: { type: 'string' }, E: { type: 'string' }, C: { type: 'string' } }, additionalProperties: false },
    ls: { type: 'object', required: ['L', 'S', 'level'], properties: { L: { enum: ['1', '2', '3', '4', '5'] }, S: { enum: ['1', '2', '3', '4', '5'] }, level: { enum: ['major', 'large', 'general', 'low'] } }, additionalProperties: false },
    controlLevel: { enum: ['company', 'workshop', 'team', 'post'] },
    measures: { type: 'string', maxLength: 2000 },
    card: { type: 'object', additionalProperties: { type: 'string', maxLength: 1000 } },
  },
  additionalProperties: false,
};
const gradedEntry = { description: 'the entry with id, score, formula, level, label, colour (红/橙/黄/蓝), basis, controlLabel', ...json({ type: 'object' }) };

export const ledgerPaths = {
  '/ledger': { get: { summary: '隐患排查治理台账：统计、全部隐患、待查明事项 / the ledger of the caller’s enterprise (enterprise or its acceptor)', responses: { 200: ok('figures, items (with overdue), unknowns'), 403: error } } },
  '/ledger/acceptance': { get: { summary: '待验收的隐患（验收人登录后的首页）/ items awaiting acceptance, oldest rectification first', responses: { 200: ok('items'), 403: error } } },
  '/ledger/statistics': { get: { summary: '统计分析表：去年与今年各季、年度（企业建档之前已结束的统计期不列），状态（统计期未结束/待报送/已过截止日/已按时报送/已报送（逾期））与报送记录 / periods (from when the enterprise is on record) with due dates, states and attestations', responses: { 200: ok('periods'), 403: error } } },
  '/ledger/statistics/{period}': {
    post: {
      summary: '报送统计表（企业）：主要负责人姓名与签字日期；冻结报送时的数字；每期一次，不可更改 / submit with the 主要负责人’s signature; figures frozen; once per period',
      parameters: [{ name: 'period', in: 'path', required: true, schema: { type: 'string', pattern: '^(quarter|year)-\\d{4}-\\d{2}-\\d{2}$' }, description: 'quarter-2026-06-30, year-2026-12-31' }],
      requestBody: json({ type: 'object', required: ['principalName', 'signedOn'], properties: { principalName: { type: 'string', maxLength: 40 }, signedOn: date }, additionalProperties: false }),
      responses: { 201: ok('the submission: period, principalName, signedOn, submittedAt, submittedBy, onTime, figures'), 400: error, 403: error, 404: error, 409: error },
    },
  },
  '/ledger/figures': { get: { summary: '台账统计 / found, accepted, rate, overdue, open major, by category and month', responses: { 200: ok('figures'), 403: error } } },
  '/ledger/items/{id}': { get: { summary: '台账中的一项隐患 / one item with plan, acceptance, recurrences, history', parameters: [id('id')], responses: { 200: ok('item'), 403: error, 404: error } } },
  '/ledger/items/{id}/actions': {
    post: {
      summary: '办理：plan（治理方案）、start（待整改→整改中，须方案完整）、rectified（→待验收）、accept / reject（仅验收人，且不得为整改人）；close 一律拒绝：销号只能经验收',
      parameters: [id('id')],
      requestBody: json({ oneOf: [{ type: 'object', required: ['action', 'plan'], properties: { action: { const: 'plan' }, plan } }, { type: 'object', required: ['action'], properties: { action: { enum: ['start', 'rectified'] }, note: { type: 'string' } } }, { type: 'object', required: ['action', 'person', 'date', 'note'], properties: { action: { const: 'accept' }, person: { type: 'string' }, date, note: { type: 'string' } } }, { type: 'object', required: ['action', 'note'], properties: { action: { const: 'reject' }, note: { type: 'string' } } }] }),
      responses: { 200: ok('the item after the step'), 400: error, 403: error, 404: error, 409: error },
    },
  },
  '/ledger/items/{id}/evidence': {
    post: {
      summary: '上传证据（JPEG、PNG、PDF，按文件内容判断类型，5 MB 以内）/ upload evidence; the body is the file',
      parameters: [id('id'), { name: 'stage', in: 'query', required: true, schema: { enum: ['found', 'rectification', 'acceptance'] } }, { name: 'name', in: 'query', required: true, schema: { type: 'string', maxLength: 120 } }],
      requestBody: { content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
      responses: { 201: ok('the stored file without its bytes'), 400: error, 403: error, 404: error, 413: error, 415: error },
    },
  },
  '/regulator/enterprises': { get: { summary: '辖区企业一览（监管，只读）/ the region’s enterprises with the ledger’s figures and latest screening, enterprises screened without an account, totals and the 动态清零 trend', responses: { 200: ok('region, rows, totals, trend'), 403: error } } },
  '/regulator/enterprises/{id}': { get: { summary: '辖区内一家企业的台账（只读）/ one enterprise of the region, read-only', parameters: [id('id')], responses: { 200: ok('figures, items, unknowns'), 403: error, 404: error } } },
  '/regulator/screenings': {
    post: {
      summary: '批量筛查（后台任务）：每行一家企业，第一列企业名称（与辖区企业账号的登录名或唯一企业名称相同的记在该账号名下，其余记为无账号企业），其余列名为事实名；返回 202 与任务地址 / bulk screening with assessMany as a job; poll the Location',
      parameters: [{ name: 'sector', in: 'query', required: true, schema: { type: 'string' } }, { name: 'asOf', in: 'query', schema: date }],
      requestBody: { content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } }, 'text/csv': { schema: { type: 'string' } } } },
      responses: { 202: { description: 'the job, running; Location names it', headers: { Location: { schema: { type: 'string' } } }, ...json(screeningJob) }, 400: error, 403: error, 413: error, 415: error },
    },
  },
  '/regulator/screenings/{id}': { get: { summary: '筛查进度与结果 / the job: state, done of total rows, percent; when done the result (rows, screened, problems by row and column, landed)', parameters: [id('id')], responses: { 200: { description: 'the job', ...json(screeningJob) }, 403: error, 404: error } } },
  '/admin/users': {
    get: { summary: '账号一览（管理员）', responses: { 200: ok('users', { type: 'array' }), 403: error } },
    post: { summary: '新建账号，含验收人与监管（管理员）', requestBody: json({ type: 'object', required: ['username', 'displayName', 'password', 'role'], properties: { username: { type: 'string' }, displayName: { type: 'string' }, password: { type: 'string', minLength: 8 }, role: { enum: ['trainee', 'enterprise', 'acceptor', 'regulator'] }, region: { type: 'string' }, enterpriseId: { type: 'string' } } }), responses: { 201: ok('the user'), 400: error, 403: error, 409: error } },
  },
  '/admin/users/{id}/assignment': { put: { summary: '分配辖区或所属企业（管理员；null 清除）', parameters: [id('id')], requestBody: json({ type: 'object', properties: { region: { type: ['string', 'null'] }, enterpriseId: { type: ['string', 'null'] } }, additionalProperties: false }), responses: { 200: ok('the user'), 400: error, 403: error, 404: error } } },
  '/risk/register': {
    get: { summary: '本企业安全风险清单（按等级从高到低）/ the enterprise’s risk register', responses: { 200: ok('entries'), 403: error } },
    post: { summary: '登记风险（企业）/ add an entry; the level is computed (LEC) or stated (matrix)', requestBody: json(riskEntry), responses: { 201: gradedEntry, 400: error, 403: error } },
  },
  '/risk/register/{id}': {
    get: { summary: '一项风险 / one entry', parameters: [id('id')], responses: { 200: gradedEntry, 403: error, 404: error } },
    put: { summary: '修改风险（企业）/ replace an entry', parameters: [id('id')], requestBody: json(riskEntry), responses: { 200: gradedEntry, 400: error, 403: error, 404: error } },
    delete: { summary: '删除风险（企业）/ remove an entry', parameters: [id('id')], responses: { 204: { description: 'removed' }, 403: error, 404: error } },
  },
  '/regulator/risks': { get: { summary: '辖区重大风险（红，最高一级；监管只读）/ every highest-level entry of the region’s enterprises', responses: { 200: ok('level, label, entries (with enterpriseId, enterpriseName)'), 403: error } } },
  '/risk/lec': { get: { summary: 'LEC 风险分级（行业惯例，非法定）/ D = L × E × C, level and colour', parameters: ['L', 'E', 'C'].map((name) => ({ name, in: 'query', required: true, schema: { type: 'string' } })), responses: { 200: ok('d, level, label, colour, band, convention notes'), 400: error, 403: error } } },
};
