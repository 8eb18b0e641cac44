// The OpenAPI document of /api/v1, served at /api/v1/openapi.json: every operation with its id, path
// parameters, request and response schemas and its 4xx answers. `pnpm -C packages/exam-server lint:openapi`
// checks it with Redocly; the HTTP tests validate the responses they receive against it, and the fuzz
// suite drives its operations.
import { ledgerPaths } from './openapi-ledger.js';

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema) => ({ content: { 'application/json': { schema } } });
const text = { type: 'string' };
const bilingual: Schema = { type: 'object', required: ['zh', 'en'], properties: { zh: text, en: text } };
const nullable = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }] });

const schemas: Record<string, Schema> = {
  Error: {
    type: 'object',
    required: ['error', 'issues'],
    properties: { error: { type: 'string', description: '中文在前 / Chinese first, then English' }, issues: { type: 'array', items: { type: 'object', required: ['path', 'message'], properties: { path: text, message: text } } } },
  },
  Credentials: { type: 'object', required: ['username', 'password'], additionalProperties: false, properties: { username: { type: 'string', maxLength: 32 }, password: { type: 'string', maxLength: 200 } } },
  Registration: {
    type: 'object',
    required: ['username', 'displayName', 'password'],
    additionalProperties: false,
    properties: { username: { type: 'string', pattern: '^[A-Za-z0-9_.-]{3,32}$' }, displayName: { type: 'string', maxLength: 40 }, password: { type: 'string', minLength: 8, maxLength: 200 }, role: { enum: ['trainee', 'enterprise'] } },
  },
  PasswordChange: { type: 'object', required: ['currentPassword', 'newPassword'], additionalProperties: false, properties: { currentPassword: { type: 'string', maxLength: 200 }, newPassword: { type: 'string', minLength: 8, maxLength: 200 } } },
  PasswordReset: { type: 'object', required: ['newPassword'], additionalProperties: false, properties: { newPassword: { type: 'string', minLength: 8, maxLength: 200 } } },
  User: { type: 'object', required: ['id', 'username', 'displayName', 'role'], properties: { id: text, username: text, displayName: text, role: { enum: ['trainee', 'admin', 'enterprise'] } } },
  Session: { type: 'object', required: ['user', 'token'], properties: { user: ref('User'), token: { type: 'string', description: 'send as Authorization: Bearer <token>' } } },
  Section: { type: 'object', required: ['type', 'count', 'points'], properties: { type: { enum: ['judgement', 'single', 'multiple'] }, count: { type: 'integer', minimum: 1 }, points: { type: 'number', exclusiveMinimum: 0 } } },
  Blueprint: {
    type: 'object',
    required: ['id', 'title', 'candidate', 'durationMinutes', 'totalPoints', 'passMark', 'sections', 'citation'],
    properties: {
      id: text,
      title: text,
      candidate: { type: 'object', required: ['kind', 'label'], properties: { kind: { enum: ['principal', 'specialOperation'] }, label: text, code: text } },
      durationMinutes: { type: 'number' },
      totalPoints: { type: 'number' },
      passMark: { type: 'number' },
      sections: { type: 'array', items: ref('Section') },
      citation: text,
      overriddenBy: text,
    },
  },
  BlueprintOverride: { type: 'object', additionalProperties: false, properties: { durationMinutes: { type: 'integer', minimum: 1, maximum: 600 }, passMark: { type: 'number', minimum: 1 }, sections: { type: 'array', minItems: 1, items: ref('Section') } } },
  Option: { type: 'object', required: ['key', 'text'], properties: { key: text, text } },
  Question: {
    type: 'object',
    required: ['id', 'type', 'stem', 'options'],
    description: 'A question as shown: no key before the trainee has answered (practice) or submitted (mock exam).',
    properties: { id: text, type: { enum: ['judgement', 'single', 'multiple'] }, stem: text, options: { type: 'array', items: ref('Option') } },
  },
  AttemptQuestion: {
    allOf: [
      ref('Question'),
      {
        type: 'object',
        required: ['number', 'answer'],
        properties: { number: { type: 'integer' }, answer: { type: 'array', items: text }, key: { type: 'array', items: text }, correct: { type: 'boolean' }, earned: { type: 'number' }, explanation: text, citation: text },
      },
    ],
  },
  Attempt: {
    type: 'object',
    description: 'A mock exam; after submission each question carries key, correct, earned, explanation and citation.',
    required: ['id', 'blueprintId', 'startedAt', 'deadline', 'submittedAt', 'score', 'maxScore', 'passMark', 'passed', 'questions'],
    properties: {
      id: text,
      blueprintId: text,
      mode: text,
      seed: text,
      startedAt: { type: 'string', format: 'date-time' },
      deadline: nullable({ type: 'string', format: 'date-time' }),
      remainingSeconds: nullable({ type: 'integer' }),
      submittedAt: nullable({ type: 'string', format: 'date-time' }),
      score: nullable({ type: 'number' }),
      maxScore: { type: 'number' },
      passMark: { type: 'number' },
      passed: nullable({ type: 'boolean' }),
      marked: { type: 'array', items: text },
      questions: { type: 'array', items: ref('AttemptQuestion') },
    },
  },
  AttemptSummary: {
    type: 'object',
    required: ['id', 'blueprintId', 'startedAt', 'submittedAt', 'score', 'maxScore', 'passed'],
    properties: { id: text, blueprintId: text, startedAt: text, submittedAt: nullable(text), score: nullable({ type: 'number' }), maxScore: { type: 'number' }, passed: nullable({ type: 'boolean' }) },
  },
  SavedAnswer: { type: 'object', required: ['saved', 'questionId', 'answer'], properties: { saved: { type: 'boolean' }, questionId: text, answer: { type: 'array', items: text } } },
  Answer: { type: 'object', required: ['answer'], additionalProperties: false, properties: { answer: { type: 'array', maxItems: 10, items: { type: 'string', maxLength: 8 } } } },
  Mark: { type: 'object', required: ['marked'], additionalProperties: false, properties: { marked: { type: 'boolean' } } },
  StartAttempt: { type: 'object', required: ['blueprintId'], additionalProperties: false, properties: { blueprintId: { type: 'string', minLength: 1 }, seed: { type: 'string', maxLength: 64 } } },
  PracticeStep: {
    type: 'object',
    required: ['mode', 'blueprintId', 'chapters', 'queue', 'position', 'total', 'question', 'recite'],
    properties: {
      mode: text,
      blueprintId: text,
      chapter: nullable(text),
      chapters: { type: 'array', items: { type: 'object', required: ['id', 'title', 'count'], properties: { id: text, title: text, count: { type: 'integer' } } } },
      queue: text,
      position: { type: 'integer' },
      total: { type: 'integer' },
      question: nullable({ type: 'object' }),
      recite: { type: 'boolean' },
    },
  },
  PracticeAnswer: {
    type: 'object',
    required: ['questionId', 'answer'],
    additionalProperties: false,
    properties: { questionId: { type: 'string', minLength: 1 }, answer: { type: 'array', maxItems: 10, items: { type: 'string', maxLength: 8 } }, queue: { type: 'string', maxLength: 200 }, position: { type: 'integer', minimum: 0 } },
  },
  Feedback: { type: 'object', required: ['questionId', 'answer', 'correct', 'key', 'explanation', 'citation'], properties: { questionId: text, answer: { type: 'array', items: text }, correct: { type: 'boolean' }, key: { type: 'array', items: text }, explanation: text, citation: text } },
  PracticeMode: { type: 'object', required: ['id'], properties: { id: text } },
  Mistake: { allOf: [ref('Question'), { type: 'object', required: ['rightInARow', 'toClear'], properties: { rightInARow: { type: 'integer' }, toClear: { type: 'integer' } } }] },
  ChapterHistory: { type: 'object', required: ['chapter', 'accuracy'], properties: { chapter: text, accuracy: { type: 'number' } } },
  Facility: { type: 'object', required: ['questionId', 'facility'], properties: { questionId: text, facility: { type: 'number' } } },
  Sector: { type: 'object', required: ['id'], properties: { id: text } },
  DocumentInfo: { type: 'object', required: ['id', 'version'], properties: { id: text, version: text } },
  AssessmentInput: { type: 'object', required: ['sector', 'facts'], additionalProperties: false, properties: { sector: text, facts: { type: 'object' }, asOf: { type: 'string', format: 'date' } } },
  FindingCitation: {
    type: 'object',
    required: ['documentId', 'version', 'number', 'article', 'label'],
    properties: { documentId: text, version: text, number: text, article: { type: ['string', 'number'] }, item: { type: ['string', 'number', 'null'] }, subItem: { type: ['string', 'number', 'null'] }, label: text },
  },
  Finding: {
    type: 'object',
    required: ['ruleId', 'status', 'applicable', 'verified', 'title', 'citation', 'missingFacts', 'reasons', 'explanation'],
    properties: {
      ruleId: text,
      status: { enum: ['hazard', 'clear', 'unknown'] },
      applicable: { type: ['boolean', 'null'] },
      verified: { type: 'boolean' },
      title: bilingual,
      citation: ref('FindingCitation'),
      partOf: nullable(text),
      missingFacts: { type: 'array', items: text },
      reasons: { type: 'array', items: { type: 'object' } },
      explanation: bilingual,
    },
  },
  Assessment: {
    type: 'object',
    required: ['sector', 'asOf', 'documents', 'notices', 'findings', 'summary'],
    properties: {
      sector: text,
      asOf: { type: 'string', format: 'date' },
      documents: { type: 'array', items: { type: 'object', required: ['id', 'version'], properties: { id: text, version: text } } },
      notices: { type: 'array', items: { type: 'object', required: ['kind', 'message'], properties: { kind: text, documentId: nullable(text), message: bilingual } } },
      findings: { type: 'array', items: ref('Finding') },
      summary: { type: 'object', required: ['hazard', 'clear', 'unknown'], properties: { hazard: { type: 'integer' }, clear: { type: 'integer' }, unknown: { type: 'integer' }, notApplicable: { type: 'integer' }, unverified: { type: 'integer' } } },
    },
  },
  AssessmentRecord: { type: 'object', required: ['id', 'sector', 'asOf', 'facts'], properties: { id: text, sector: text, asOf: text, facts: { type: 'object' }, summary: nullable({ type: 'object' }) } },
  StoredAssessment: { type: 'object', required: ['assessment', 'report'], properties: { assessment: ref('AssessmentRecord'), report: { type: 'object' }, createdRectifications: { type: 'array' }, cleared: { type: 'array' } } },
  Rectification: { type: 'object', required: ['id', 'assessmentId', 'ruleId', 'status'], properties: { id: text, assessmentId: text, ruleId: text, status: { enum: ['open', 'rectifying', 'closed'] }, responsible: text, note: text } },
  Imported: { type: 'object', required: ['imported'], properties: { imported: { type: 'integer', minimum: 0 } } },
  FreeObject: { type: 'object', description: 'a JSON object described in the operation' },
  // Calculators (/calculators): one result shape for all of them, reasons as data.
  CalculatorInputField: { type: 'object', required: ['path', 'type', 'required'], properties: { path: { type: 'string', description: 'dotted path; [] marks each element of a list' }, type: text, required: { type: 'boolean' } } },
  CalculatorEntry: {
    type: 'object',
    required: ['name', 'title', 'documentId', 'inputs'],
    properties: { name: text, title: bilingual, documentId: text, inputs: { type: 'array', items: ref('CalculatorInputField') } },
  },
  CalculatorDescription: {
    allOf: [ref('CalculatorEntry'), { type: 'object', required: ['inputSchema'], properties: { inputSchema: { type: 'object', description: 'JSON Schema of the input' } } }],
  },
  CalculatorList: { type: 'object', required: ['calculators'], properties: { calculators: { type: 'array', items: ref('CalculatorEntry') } } },
  CalculatorRun: {
    type: 'object',
    required: ['input'],
    additionalProperties: false,
    properties: { input: { type: 'object', description: 'the inputs the calculator lists (observations: dates, counts, amounts, classes)' }, asOf: { type: 'string', format: 'date' } },
  },
  CalculatorCitation: {
    type: 'object',
    required: ['documentId', 'version', 'number', 'article', 'label'],
    properties: { documentId: text, version: text, number: text, article: { type: ['string', 'number'] }, label: text },
  },
  CalculatorReasonParam: { anyOf: [{ type: ['string', 'number', 'boolean', 'null'] }, bilingual] },
  CalculatorReason: {
    type: 'object',
    required: ['code', 'params', 'zh', 'en'],
    description:
      '一条理由：模板代码、判定所用参数（输入、数值、比较、界限、结论、出处），以及由同一参数按 rules-data/calculators/reason-templates.json 渲染的中英文句子 / a reason: its template code, the parameters the verdict used, and the sentences rendered from them. Code `note` marks text not yet templated (deprecated; its params name only the calculator).',
    properties: {
      code: { type: 'string', examples: ['deadline.verdict', 'band.lookup', 'training.reentryRequired', 'note'] },
      params: { type: 'object', additionalProperties: ref('CalculatorReasonParam') },
      zh: { type: 'string', description: '中文句子（页面显示） / the Chinese sentence pages show' },
      en: text,
    },
  },
  CalculatorResult: {
    type: 'object',
    required: ['calculator', 'asOf', 'status', 'result', 'missing', 'reasons', 'citations'],
    properties: {
      calculator: text,
      asOf: { type: 'string', format: 'date' },
      status: { enum: ['decided', 'unknown'], description: 'decided: every figure the answer depends on is known and verified; unknown: see missing' },
      result: { description: 'the calculator’s value (its own shape, or null when no text applies)' },
      missing: { type: 'array', items: { type: 'string' }, description: 'input paths, `figure:<document>@<version>/<name>` or `document:<id>` the answer waits for' },
      reasons: { type: 'array', items: ref('CalculatorReason') },
      citations: { type: 'array', items: ref('CalculatorCitation') },
    },
  },
};

const errorResponse = (description: string) => ({ description, ...json(ref('Error')) });
const errorDescriptions: Record<number, string> = {
  400: '输入有误：the offending fields are named in issues',
  401: '未登录 / not logged in',
  403: '无权访问或 CSRF 校验失败 / forbidden, or the CSRF token is missing',
  404: '未找到 / not found',
  409: '冲突 / conflict with the current state',
  413: '请求体过大 / body too large',
  415: '不支持的请求体类型或编码 / unsupported media type, charset or encoding',
  429: '尝试过多 / too many attempts (Retry-After says when to retry)',
};

interface Operation {
  operationId: string;
  summary: string;
  /** false: open to anyone. */
  auth?: boolean;
  query?: { name: string; required?: boolean; schema: Schema }[];
  body?: Schema | { content: Record<string, { schema: Schema }> };
  ok: [status: number, description: string, schema?: Schema | { content: Record<string, { schema: Schema }> }];
  errors?: number[];
}

const operation = (method: string, path: string, spec: Operation) => {
  const pathParameters = [...path.matchAll(/\{(\w+)\}/g)].map((match) => ({ name: match[1]!, in: 'path', required: true, schema: { type: 'string', maxLength: 200 } }));
  const queryParameters = (spec.query ?? []).map((parameter) => ({ in: 'query', required: false, ...parameter }));
  // Any request may carry a body the server refuses before routing (too large, unknown type or encoding).
  // A state-changing request from a browser without its session's CSRF token is refused (403).
  const codes = new Set([400, 413, 415, ...(spec.auth === false ? [] : [401]), ...(method === 'get' ? [] : [403]), ...(spec.errors ?? [])]);
  const [status, description, schema] = spec.ok;
  const success = schema === undefined ? { description } : 'content' in schema ? { description, ...schema } : { description, ...json(schema as Schema) };
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    ...(spec.auth === false ? { security: [] } : {}),
    ...(pathParameters.length + queryParameters.length > 0 ? { parameters: [...pathParameters, ...queryParameters] } : {}),
    ...(spec.body ? { requestBody: { required: true, ...('content' in spec.body ? spec.body : json(spec.body as Schema)) } } : {}),
    responses: {
      [status]: success,
      ...Object.fromEntries([...codes].sort().map((code) => [code, errorResponse(errorDescriptions[code]!)])),
    },
  };
};

const list = (name: string) => ({ type: 'array', items: ref(name) });
const bankText = { content: { 'text/csv': { schema: { type: 'string' } }, 'text/plain': { schema: { type: 'string' } } } };

const operations: [method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, spec: Operation][] = [
  ['post', '/users', { operationId: 'register', summary: '注册 / register', auth: false, body: ref('Registration'), ok: [201, 'the user and a session token', ref('Session')], errors: [409, 429] }],
  ['post', '/sessions', { operationId: 'logIn', summary: '登录 / log in (limited per address and per account)', auth: false, body: ref('Credentials'), ok: [201, 'the user and a session token', ref('Session')], errors: [401, 429] }],
  ['delete', '/sessions/current', { operationId: 'logOut', summary: '退出 / log out', auth: false, ok: [204, 'logged out'] }],
  ['get', '/me', { operationId: 'currentUser', summary: '当前用户 / current user', ok: [200, 'the user', ref('User')] }],
  ['put', '/me/password', { operationId: 'changePassword', summary: '修改密码；其他会话退出 / change the password; other sessions end', body: ref('PasswordChange'), ok: [204, 'changed'], errors: [429] }],
  ['get', '/blueprints', { operationId: 'listBlueprints', summary: '试卷蓝图 / exam blueprints', auth: false, ok: [200, 'blueprints', list('Blueprint')] }],
  ['get', '/attempts', { operationId: 'listAttempts', summary: '我的考试记录 / my attempts', ok: [200, 'attempts', list('AttemptSummary')] }],
  ['post', '/attempts', { operationId: 'startMockExam', summary: '开始模拟考试 / start a mock exam', body: ref('StartAttempt'), ok: [201, 'the attempt, without keys', ref('Attempt')], errors: [403, 404, 409] }],
  ['get', '/attempts/{id}', { operationId: 'getAttempt', summary: '考试详情（交卷后含答案解析）/ an attempt (with review once submitted)', ok: [200, 'the attempt', ref('Attempt')], errors: [403, 404] }],
  ['put', '/attempts/{id}/answers/{questionId}', { operationId: 'saveAnswer', summary: '保存答案（服务器计时，超时拒绝）/ save an answer before the deadline', body: ref('Answer'), ok: [200, 'saved', ref('SavedAnswer')], errors: [403, 404, 409] }],
  ['put', '/attempts/{id}/marks/{questionId}', { operationId: 'markQuestion', summary: '标记题目 / mark for review', body: ref('Mark'), ok: [204, 'saved'], errors: [403, 404, 409] }],
  ['post', '/attempts/{id}/submit', { operationId: 'submitAttempt', summary: '交卷评分 / submit and grade', ok: [200, 'the graded attempt with review', ref('Attempt')], errors: [403, 404, 409] }],
  [
    'get',
    '/practice',
    {
      operationId: 'nextPracticeQuestion',
      summary: '练习：下一题 / the next practice question (key only in recite mode)',
      query: [
        { name: 'blueprintId', schema: { type: 'string' } },
        { name: 'chapter', schema: { type: 'string' } },
        { name: 'mode', schema: { enum: ['sequential', 'random', 'recite', 'mistakes', 'favourites'] } },
        { name: 'position', schema: { type: 'integer', minimum: 0 } },
      ],
      ok: [200, 'a practice step', ref('PracticeStep')],
      errors: [404],
    },
  ],
  ['post', '/practice/answers', { operationId: 'answerPractice', summary: '练习作答，即时反馈 / answer with instant feedback', body: ref('PracticeAnswer'), ok: [200, 'feedback with key, explanation and citation', ref('Feedback')], errors: [404, 409] }],
  ['get', '/practice/modes', { operationId: 'listPracticeModes', summary: '练习方式 / practice modes', auth: false, ok: [200, 'modes', list('PracticeMode')] }],
  ['get', '/mistakes', { operationId: 'listMistakes', summary: '错题本 / mistakes book', ok: [200, 'questions', list('Mistake')] }],
  ['delete', '/mistakes/{questionId}', { operationId: 'removeMistake', summary: '移出错题本 / remove a question from the mistakes book', ok: [200, 'removed, and how many remain', ref('FreeObject')], errors: [404] }],
  ['put', '/favourites/{questionId}', { operationId: 'addFavourite', summary: '收藏 / add to favourites', ok: [204, 'saved'], errors: [404] }],
  ['delete', '/favourites/{questionId}', { operationId: 'removeFavourite', summary: '取消收藏 / remove from favourites', ok: [204, 'removed'], errors: [404] }],
  ['get', '/history', { operationId: 'practiceHistory', summary: '各章节正确率 / accuracy per chapter', ok: [200, 'chapters', list('ChapterHistory')] }],
  ['get', '/calculators', { operationId: 'listCalculators', summary: '计算器及其输入 / every calculator with its inputs', auth: false, ok: [200, 'the calculators', ref('CalculatorList')] }],
  ['get', '/calculators/{name}', { operationId: 'describeCalculator', summary: '一个计算器的输入与依据 / one calculator: its inputs (JSON Schema) and documents', auth: false, ok: [200, 'the calculator', ref('CalculatorDescription')], errors: [404] }],
  [
    'post',
    '/calculators/{name}',
    {
      operationId: 'runCalculator',
      summary: '计算（事故等级、重大危险源、安全费用……），结果含依据与理由 / run a calculator: status, value, reasons and citations',
      auth: false,
      body: ref('CalculatorRun'),
      ok: [200, 'the result: status, value, missing inputs, reasons as data, citations', ref('CalculatorResult')],
      errors: [404],
    },
  ],
  ['get', '/sectors', { operationId: 'listSectors', summary: '行业 / sectors', auth: false, ok: [200, 'sectors', list('Sector')] }],
  ['get', '/documents', { operationId: 'listDocuments', summary: '判定标准及版本 / document versions', auth: false, query: [{ name: 'sector', schema: { type: 'string' } }], ok: [200, 'documents', list('DocumentInfo')] }],
  ['get', '/sectors/{sector}/facts-schema', { operationId: 'factsSchema', summary: '行业事实 JSON Schema / the fact vocabulary of a sector', auth: false, query: [{ name: 'asOf', schema: { type: 'string', format: 'date' } }], ok: [200, 'a JSON Schema', ref('FreeObject')] }],
  ['post', '/assessments', { operationId: 'assess', summary: '重大事故隐患判定（无状态，不保存）/ assess facts; nothing is stored', auth: false, body: ref('AssessmentInput'), ok: [200, 'findings with citations, unknowns and a summary', ref('Assessment')] }],
  ['get', '/self-assessments', { operationId: 'listSelfAssessments', summary: '我的自评估（企业账号）/ my stored self-assessments', ok: [200, 'records', list('AssessmentRecord')], errors: [403] }],
  ['post', '/self-assessments', { operationId: 'createSelfAssessment', summary: '新建自评估并判定 / create and evaluate; hazards become rectification items', body: ref('FreeObject'), ok: [201, 'record, report and items created', ref('StoredAssessment')], errors: [403] }],
  ['get', '/self-assessments/dashboard', { operationId: 'selfAssessmentDashboard', summary: '自评估汇总 / found, rectified, rate', ok: [200, 'counts', ref('FreeObject')], errors: [403] }],
  ['get', '/self-assessments/{id}', { operationId: 'getSelfAssessment', summary: '自评估报告 / a stored assessment and its report', ok: [200, 'record and report', ref('StoredAssessment')], errors: [403, 404] }],
  ['put', '/self-assessments/{id}', { operationId: 'reassess', summary: '补充事实并重新判定 / re-assess with new facts', body: ref('FreeObject'), ok: [200, 'record, report, items created and cleared', ref('StoredAssessment')], errors: [403, 404] }],
  ['get', '/self-assessments/{id}/report.json', { operationId: 'downloadSelfAssessment', summary: '下载报告 JSON / download the report', ok: [200, 'the report (attachment)', ref('FreeObject')], errors: [403, 404] }],
  ['get', '/self-assessments/{id}/rectifications', { operationId: 'listRectifications', summary: '整改项 / rectification items', ok: [200, 'items', list('Rectification')], errors: [403, 404] }],
  ['patch', '/self-assessments/{id}/rectifications/{itemId}', { operationId: 'updateRectification', summary: '更新整改项 / move an item forward', body: ref('FreeObject'), ok: [200, 'the item', ref('Rectification')], errors: [403, 404, 409] }],
  ['get', '/admin/facility', { operationId: 'questionFacility', summary: '题目难度（答对率）/ facility per question (admin)', ok: [200, 'facility', list('Facility')], errors: [403] }],
  ['put', '/admin/blueprints/{id}', { operationId: 'overrideBlueprint', summary: '修改蓝图默认值 / change a blueprint’s defaults (admin)', body: ref('BlueprintOverride'), ok: [200, 'the blueprint', ref('Blueprint')], errors: [403, 404] }],
  ['get', '/admin/bank', { operationId: 'exportBank', summary: '导出题库 CSV / GIFT (admin)', query: [{ name: 'format', required: true, schema: { enum: ['csv', 'gift'] } }], ok: [200, 'the bank as text', bankText], errors: [403] }],
  [
    'post',
    '/admin/bank',
    {
      operationId: 'importBank',
      summary: '导入题库 CSV / GIFT (admin)；任何一行有误则不导入 / all or nothing',
      query: [
        { name: 'format', required: true, schema: { enum: ['csv', 'gift'] } },
        { name: 'topic', schema: { type: 'string', pattern: '^[\\w-]{1,40}$' } },
      ],
      body: bankText,
      ok: [201, 'how many were imported', ref('Imported')],
      errors: [403, 409],
    },
  ],
  ['put', '/admin/users/{username}/password', { operationId: 'resetPassword', summary: '重置用户密码；该用户的会话全部退出 / reset a password (admin)', body: ref('PasswordReset'), ok: [204, 'reset'], errors: [403, 404] }],
];

export const openApiOperations = operations;

export const openApiDocument = () => {
  const paths: Record<string, Record<string, unknown>> = { '/openapi.json': { get: { operationId: 'openApiDocument', summary: '本文档 / this document', security: [], responses: { 200: { description: 'the OpenAPI document', ...json(ref('FreeObject')) }, 400: errorResponse(errorDescriptions[400]!) } } } };
  for (const [method, path, spec] of operations) (paths[path] ??= {})[method] = operation(method, path, spec);
  // The ledger's operations are written in their own file; each gets an operationId from its method and path.
  for (const [path, methods] of Object.entries(ledgerPaths as Record<string, Record<string, Record<string, unknown>>>)) {
    for (const [method, spec] of Object.entries(methods)) {
      const operationId = spec.operationId ?? `${method}${path.replace(/[{}]/g, '').split(/[/.-]/).filter(Boolean).map((part) => part[0]!.toUpperCase() + part.slice(1)).join('')}`;
      (paths[path] ??= {})[method] = { operationId, ...spec };
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Anquan exam server API',
      version: '1',
      license: { name: 'MIT', identifier: 'MIT' },
      description:
        '安全生产考试与自评估 API。Authenticate with the token from POST /users or POST /sessions as `Authorization: Bearer <token>`; browsers use the session cookie and must send the CSRF token of their session (the `X-CSRF-Token` response header) on state-changing requests. Answer keys are never in a response before the trainee has answered (practice) or submitted (mock exam).',
    },
    servers: [{ url: '/api/v1' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'aq_session' } }, schemas },
    security: [{ bearer: [] }, { cookie: [] }],
    paths,
  };
};
