// The OpenAPI document of /api/v1, served at /api/v1/openapi.json.
import { ledgerPaths } from './openapi-ledger.js';
const json = (schema: Record<string, unknown>) => ({ content: { 'application/json': { schema } } });
const error = { description: '错误：message and the offending fields', ...json({ $ref: '#/components/schemas/Error' }) };
const ok = (description: string, schema: Record<string, unknown> = { type: 'object' }) => ({ description, ...json(schema) });

export const openApiDocument = () => ({
  openapi: '3.1.0',
  info: {
    title: 'Anquan exam server API',
    version: '1',
    description:
      '安全生产考试与自评估 API。Authenticate with the token from POST /users or POST /sessions as `Authorization: Bearer <token>`; browsers use the session cookie and must send the CSRF token (X-CSRF-Token) on state-changing requests. Answer keys are never in a response before the trainee has answered (practice) or submitted (mock exam).',
  },
  servers: [{ url: '/api/v1' }],
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'aq_session' } },
    schemas: {
      Error: { type: 'object', required: ['error'], properties: { error: { type: 'string' }, issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } } } },
      Credentials: { type: 'object', required: ['username', 'password'], properties: { username: { type: 'string' }, password: { type: 'string' } } },
      Registration: { type: 'object', required: ['username', 'displayName', 'password'], properties: { username: { type: 'string', pattern: '^[A-Za-z0-9_.-]{3,32}$' }, displayName: { type: 'string' }, password: { type: 'string', minLength: 8 }, role: { enum: ['trainee', 'enterprise'] } } },
      Answer: { type: 'object', required: ['answer'], properties: { answer: { type: 'array', items: { type: 'string' } } } },
      Attempt: { type: 'object', description: 'A mock exam; after submission each question carries key, correct, explanation and citation.' },
    },
  },
  security: [{ bearer: [] }, { cookie: [] }],
  paths: {
    ...ledgerPaths,
    '/users': { post: { summary: '注册 / register', security: [], requestBody: json({ $ref: '#/components/schemas/Registration' }), responses: { 201: ok('user and session token'), 400: error, 409: error } } },
    '/sessions': { post: { summary: '登录 / log in (rate-limited)', security: [], requestBody: json({ $ref: '#/components/schemas/Credentials' }), responses: { 201: ok('user and session token'), 401: error, 429: error } } },
    '/sessions/current': { delete: { summary: '退出 / log out', responses: { 204: { description: 'logged out' } } } },
    '/me': { get: { summary: '当前用户 / current user', responses: { 200: ok('user'), 401: error } } },
    '/blueprints': { get: { summary: '试卷蓝图 / exam blueprints', security: [], responses: { 200: ok('blueprints', { type: 'array' }) } } },
    '/attempts': {
      get: { summary: '我的考试记录 / my attempts', responses: { 200: ok('attempts', { type: 'array' }) } },
      post: { summary: '开始模拟考试 / start a mock exam', requestBody: json({ type: 'object', required: ['blueprintId'], properties: { blueprintId: { type: 'string' }, seed: { type: 'string' } } }), responses: { 201: ok('attempt without keys', { $ref: '#/components/schemas/Attempt' }), 400: error, 409: error } },
    },
    '/attempts/{id}': { get: { summary: '考试详情（交卷后含答案解析）', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: ok('attempt', { $ref: '#/components/schemas/Attempt' }), 403: error, 404: error } } },
    '/attempts/{id}/answers/{questionId}': { put: { summary: '保存答案（服务器计时，超时拒绝）', requestBody: json({ $ref: '#/components/schemas/Answer' }), responses: { 200: ok('saved'), 400: error, 409: error } } },
    '/attempts/{id}/marks/{questionId}': { put: { summary: '标记题目 / mark for review', requestBody: json({ type: 'object', properties: { marked: { type: 'boolean' } } }), responses: { 204: { description: 'saved' } } } },
    '/attempts/{id}/submit': { post: { summary: '交卷评分 / submit and grade', responses: { 200: ok('graded attempt with review', { $ref: '#/components/schemas/Attempt' }) } } },
    '/practice': { get: { summary: '练习：下一题（mode=sequential|random|recite|mistakes|favourites）', parameters: ['blueprintId', 'chapter', 'mode', 'position'].map((name) => ({ name, in: 'query', schema: { type: 'string' } })), responses: { 200: ok('question (with key only in recite mode)') } } },
    '/practice/answers': { post: { summary: '练习作答，即时反馈 / answer with instant feedback', requestBody: json({ type: 'object', required: ['questionId', 'answer'] }), responses: { 200: ok('feedback with key, explanation, citation'), 400: error } } },
    '/mistakes': { get: { summary: '错题本 / mistakes book', responses: { 200: ok('questions', { type: 'array' }) } } },
    '/favourites/{questionId}': { put: { summary: '收藏', responses: { 204: { description: 'saved' } } }, delete: { summary: '取消收藏', responses: { 204: { description: 'removed' } } } },
    '/history': { get: { summary: '各章节正确率 / accuracy per chapter', responses: { 200: ok('chapters', { type: 'array' }) } } },
    '/sectors': { get: { summary: '行业 / sectors', security: [], responses: { 200: ok('sectors', { type: 'array' }) } } },
    '/documents': { get: { summary: '判定标准及版本 / document versions', security: [], responses: { 200: ok('documents', { type: 'array' }) } } },
    '/sectors/{sector}/facts-schema': { get: { summary: '行业事实 JSON Schema', security: [], responses: { 200: ok('JSON Schema'), 400: error } } },
    '/assessments': { post: { summary: '重大事故隐患判定（无状态，不保存）/ assess facts, stateless: nothing is stored; see /self-assessments for stored ones', security: [], requestBody: json({ type: 'object', required: ['sector', 'facts'], properties: { sector: { type: 'string' }, facts: { type: 'object' }, asOf: { type: 'string', format: 'date' } } }), responses: { 200: ok('assessment: findings with citations, unknowns, summary'), 400: error } } },
    '/self-assessments': {
      get: { summary: '我的自评估（企业账号）/ my stored self-assessments', responses: { 200: ok('assessment records', { type: 'array' }), 401: error, 403: error } },
      post: { summary: '新建自评估并判定；重大隐患自动建立整改项 / create, evaluate, track hazards', requestBody: json({ type: 'object', required: ['sector'], properties: { sector: { type: 'string' }, asOf: { type: 'string', format: 'date' }, facts: { type: 'object', description: 'facts of the sector (GET /sectors/{sector}/facts-schema); a fact left out is unknown' } } }), responses: { 201: ok('assessment record, report (hazards, unknowns, clear, documents, notices), rectification items created'), 400: error, 403: error } },
    },
    '/self-assessments/dashboard': { get: { summary: '隐患整改统计 / found, rectified (closed), open, rate = rectified / found', responses: { 200: ok('counts'), 403: error } } },
    '/self-assessments/{id}': {
      get: { summary: '自评估及报告 / record and report', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: ok('assessment record and report'), 403: error, 404: error } },
      put: { summary: '修改事实并复评 / replace the facts (and date) and evaluate again; items whose rule is now clear are marked clearedOnReassessment', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], requestBody: json({ type: 'object', required: ['facts'], properties: { facts: { type: 'object' }, asOf: { type: 'string', format: 'date' } } }), responses: { 200: ok('record, report, rectification items created and cleared'), 400: error, 403: error, 404: error } },
    },
    '/self-assessments/{id}/report.json': { get: { summary: '下载报告 JSON / download the report with facts and every finding', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: ok('report (attachment)'), 403: error, 404: error } } },
    '/self-assessments/{id}/rectifications': { get: { summary: '整改项 / rectification items of the assessment', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: ok('items', { type: 'array' }), 403: error, 404: error } } },
    '/self-assessments/{id}/rectifications/{itemId}': {
      patch: { summary: '更新整改项（旧接口，按台账步骤办理）：rectifying = 开始整改，awaiting = 申请验收；closed 一律拒绝，销号只能经验收 / older status form mapped onto the ledger', parameters: [...[{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], { name: 'itemId', in: 'path', required: true, schema: { type: 'string' } }], requestBody: json({ type: 'object', required: ['status'], properties: { status: { enum: ['open', 'rectifying', 'closed'] }, responsible: { type: 'string' }, note: { type: 'string' } } }), responses: { 200: ok('item'), 400: error, 404: error, 409: error } },
    },
    '/admin/facility': { get: { summary: '题目难度（答对率）/ facility per question (admin)', responses: { 200: ok('facility', { type: 'array' }), 403: error } } },
    '/admin/blueprints/{id}': { put: { summary: '修改蓝图默认值 (admin)', requestBody: json({ type: 'object', properties: { durationMinutes: { type: 'integer' }, passMark: { type: 'number' }, sections: { type: 'array' } } }), responses: { 200: ok('blueprint'), 400: error, 403: error } } },
    '/admin/bank': {
      get: { summary: '导出题库 CSV / GIFT (admin)', parameters: [{ name: 'format', in: 'query', required: true, schema: { enum: ['csv', 'gift'] } }], responses: { 200: { description: 'bank text' } } },
      post: { summary: '导入题库 CSV / GIFT (admin)；任何一行有误则不导入', parameters: [{ name: 'format', in: 'query', required: true, schema: { enum: ['csv', 'gift'] } }, { name: 'topic', in: 'query', schema: { type: 'string' } }], requestBody: { content: { 'text/csv': { schema: { type: 'string' } }, 'text/plain': { schema: { type: 'string' } } } }, responses: { 201: ok('count imported'), 400: error, 409: error } },
    },
  },
});
