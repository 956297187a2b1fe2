// Every operation in /api/openapi.json, sent input generated from its own schemas: path and query
// parameters and JSON bodies that fit (at their edges) or break them, JSON that does not parse and
// content types that are wrong. Sent as the owner, so permissions never stop a case before the
// input is read. No answer may be a 5xx, every 4xx is problem+json, and no request may hang.
//
// FUZZ_RUNS (cases per operation, 2 by default: about 330 in all) raises it for a deep run;
// FUZZ_SEED replays one and FUZZ_ONLY (a pattern on "METHOD /api/path") narrows it to some operations.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client, OWNER, setupOwner } from './helpers/client.js';
import { startInProcess } from './helpers/in-process.js';
import type { TestServer } from './helpers/server.js';
import { MALFORMED_JSON, ODD_STRINGS, SchemaResolver, WRONG_CONTENT_TYPES, fromSchema, type Schema } from './helpers/fuzz-input.js';

const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 2));
const SEED = Number(process.env.FUZZ_SEED ?? 12);
/** Only the operations whose "METHOD /path" matches, to replay a finding. */
const ONLY = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : undefined;
/** No single request may take longer than this, whatever it carries (a login's scrypt on a busy machine included). */
const REQUEST_TIMEOUT_MS = 30_000;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  method: string;
  path: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

interface Case {
  method: string;
  url: string;
  contentType?: string;
  body?: string | FormData;
  /** How the body was made, for the report. */
  shape: string;
}

let server: TestServer;
let owner: Client;
let resolver: SchemaResolver;
let operations: Operation[] = [];
/** Values that exist in the demo shop, per path parameter name, so cases reach the handlers. */
const known: Record<string, string[]> = {};

beforeAll(async () => {
  // The test kit listening in this process (cheap hashes), as at a first start: the owner's setup
  // fills the demo shop. What it logs is kept from `info`, as a server's output would show it.
  ({ server } = await startInProcess({ plugins: [], enabled: ['listings', 'fulfillment'], setup: false, listen: true, clock: 'system', logLevel: 'info' }));
  owner = await setupOwner(server, { demo: true });
  const doc = (await owner.get('/api/openapi.json')).body as { paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>> };
  resolver = new SchemaResolver(doc);
  operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ ...op, method: method.toUpperCase(), path })));
  await learnKnownValues();
});
afterAll(async () => {
  await server?.dispose();
});

async function learnKnownValues(): Promise<void> {
  const ids = ['1', '2', '3', '5', '8'];
  for (const name of ['id', 'skuId', 'orderId', 'runId']) known[name] = ids;
  known.plugin = ['listings', 'fulfillment', 'core'];
  const jobs = (await owner.get('/api/jobs')).body as unknown;
  const jobList = (Array.isArray(jobs) ? jobs : ((jobs as { items?: unknown[] })?.items ?? [])) as Record<string, unknown>[];
  known.owner = [...new Set(jobList.map((j) => String(j.owner ?? j.plugin ?? 'fulfillment')))];
  known.job = [...new Set(jobList.map((j) => String(j.id ?? j.name ?? 'x')))];
  const orders = (await owner.get('/api/fulfillment/orders?pageSize=5')).body?.items ?? [];
  const orderNos = orders.map((o: { orderNo: string }) => o.orderNo).filter(Boolean) as string[];
  known.ref = orderNos;
  known.orderRef = orderNos;
  known.orderId = [...ids, ...orders.map((o: { id: number }) => String(o.id))];
  const coupons = (await owner.get('/api/listings/coupons?pageSize=5')).body?.items ?? [];
  known.code = coupons.map((c: { code?: string; id: number }) => c.code ?? String(c.id));
  for (const [name, values] of Object.entries(known)) if (!values.length) known[name] = ['1'];
}

/** Path segments that are wrong for most parameters; the raw ones are malformed percent-encoding. */
const ODD_SEGMENTS = ['0', '-1', '1.5', '1e20', '99999999999999999999', '9007199254740993', ' 1', '0x1f', 'abc', 'null'];
const RAW_SEGMENTS = ['%', '%E0%A4%A', '%zz', '%00', '%C0%AF', '%ED%A0%80'];

/** Percent-encodes, writing a lone surrogate (which has no UTF-8) as the bytes a careless client would send. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...text].map((ch) => (/[\ud800-\udfff]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
  }
}

function segment(param: Parameter): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...(known[param.name] ?? ['1'])), weight: 4 },
    { arbitrary: fromSchema(resolver, param.schema, 0).map((v) => encode(String(v))), weight: 2 },
    { arbitrary: fc.constantFrom(...ODD_SEGMENTS, ...ODD_STRINGS.filter((s) => s !== '' && s !== '..')).map((s) => encode(s)), weight: 2 },
    { arbitrary: fc.constantFrom(...RAW_SEGMENTS), weight: 1 },
  );
}

function queryValue(param: Parameter): fc.Arbitrary<string[]> {
  const one = fc.oneof(
    { arbitrary: fromSchema(resolver, param.schema, 0).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))), weight: 4 },
    { arbitrary: fromSchema(resolver, param.schema, 0.5).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))), weight: 2 },
    { arbitrary: fc.constantFrom(...ODD_STRINGS, 'x'.repeat(5_000)), weight: 2 },
  );
  return fc.oneof({ arbitrary: one.map((v) => [v]), weight: 5 }, { arbitrary: fc.array(one, { minLength: 2, maxLength: 3 }), weight: 1 });
}

function queryString(params: Parameter[]): fc.Arbitrary<string> {
  const model: Record<string, fc.Arbitrary<string[]>> = {};
  for (const p of params) model[p.name] = queryValue(p);
  return fc
    .tuple(
      fc.record(model, { requiredKeys: params.filter((p) => p.required).map((p) => p.name) }),
      fc.oneof({ arbitrary: fc.constant(''), weight: 6 }, { arbitrary: fc.constantFrom('&%', '&unknown=1', '&a[b]=1', '&%zz=%E0', '&=&&'), weight: 1 }),
    )
    .map(([values, tail]) => {
      const parts = Object.entries(values).flatMap(([name, list]) => (list ?? []).map((v) => `${encode(name)}=${encode(v)}`));
      const text = parts.join('&') + tail;
      return text ? `?${text.replace(/^&/, '')}` : '';
    });
}

interface BodyPart {
  contentType?: string;
  body?: string | FormData;
  shape: string;
}

function jsonBody(schema: Schema | undefined): fc.Arbitrary<BodyPart> {
  const json = (mutate: number, shape: string) => fromSchema(resolver, schema, mutate).map((v): BodyPart => ({ contentType: 'application/json', body: JSON.stringify(v) ?? 'null', shape }));
  return fc.oneof(
    { arbitrary: json(0, 'fitting'), weight: 3 },
    { arbitrary: json(0.15, 'mutated'), weight: 5 },
    { arbitrary: fc.constantFrom(...MALFORMED_JSON).map((body): BodyPart => ({ contentType: 'application/json', body, shape: 'malformed JSON' })), weight: 2 },
    {
      arbitrary: fc.tuple(fc.constantFrom(...WRONG_CONTENT_TYPES), fromSchema(resolver, schema, 0)).map(([contentType, v]): BodyPart => ({ contentType: contentType || undefined, body: JSON.stringify(v) ?? '', shape: `as ${contentType || 'no type'}` })),
      weight: 1,
    },
    { arbitrary: fc.constant<BodyPart>({ shape: 'no body' }), weight: 1 },
  );
}

const FILE_TEXTS = ['', '\u0000\u0001\u0002', '订单编号,买家会员名\n', '订单编号,买家会员名\n1,"unclosed\n', '\ufeffa,b,c\n1,2,3\n', 'PK\u0003\u0004not-a-zip', '\u00ff\u00fe\u0000\u0000', 'x'.repeat(20_000)];

function uploadBody(): fc.Arbitrary<BodyPart> {
  const form = fc.tuple(fc.constantFrom(...FILE_TEXTS), fc.constantFrom('file', 'files', 'other'), fc.constantFrom('orders.csv', '../../x.csv', '报表\u0000.xlsx', '', 'a'.repeat(300))).map(([text, field, name]): BodyPart => {
    const data = new FormData();
    data.append(field, new Blob([text]), name);
    return { body: data, shape: `upload ${field}=${JSON.stringify(name).slice(0, 40)} (${text.length} chars)` };
  });
  return fc.oneof(
    { arbitrary: form, weight: 3 },
    { arbitrary: fc.constant<BodyPart>({ contentType: 'multipart/form-data; boundary=zzz', body: '--zzz\r\nContent-Disposition: form-data; name="file"\r\n\r\nbroken', shape: 'truncated multipart' }), weight: 1 },
    { arbitrary: fc.constant<BodyPart>({ contentType: 'multipart/form-data', body: 'no boundary', shape: 'multipart without boundary' }), weight: 1 },
    { arbitrary: fc.constant<BodyPart>({ contentType: 'application/json', body: '{"file":"x"}', shape: 'JSON to an upload' }), weight: 1 },
    { arbitrary: fc.constant<BodyPart>({ shape: 'no body' }), weight: 1 },
  );
}

/** A body where the operation takes none: most requests send none, some send junk anyway. */
const strayBody: fc.Arbitrary<BodyPart> = fc.oneof(
  { arbitrary: fc.constant<BodyPart>({ shape: 'no body' }), weight: 3 },
  { arbitrary: fc.constantFrom(...MALFORMED_JSON.slice(0, 6), '{}', '{"id":1e20}').map((body): BodyPart => ({ contentType: 'application/json', body, shape: 'stray body' })), weight: 1 },
);

function caseFor(op: Operation): fc.Arbitrary<Case> {
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const segments = fc.tuple(...pathParams.map(segment));
  const content = op.requestBody?.content ?? {};
  const body = content['application/json'] ? jsonBody(content['application/json'].schema) : content['multipart/form-data'] ? uploadBody() : op.method === 'GET' ? fc.constant<BodyPart>({ shape: 'no body' }) : strayBody;
  return fc.tuple(segments, queryString(queryParams), body).map(([values, query, part]) => {
    let path = op.path;
    pathParams.forEach((p, i) => (path = path.replace(`{${p.name}}`, values[i]!)));
    return { method: op.method, url: path + query, ...part };
  });
}

/**
 * Order of the run: what ends the session or removes records goes last, so it does not turn the
 * cases after it into 401s and 404s. Nothing is left out.
 */
function runOrder(op: Operation): number {
  if (op.path === '/api/auth/logout') return 3;
  if (op.method === 'DELETE') return 2;
  if (op.method === 'GET') return 0;
  return 1;
}

interface Outcome {
  cases: number;
  byStatus: Record<string, number>;
  wrong: string[];
}

function describeCase(c: Case): string {
  const body = typeof c.body === 'string' ? c.body : c.body ? '[form]' : '';
  return `${c.method} ${c.url.slice(0, 200)} [${c.shape}${c.contentType ? `, ${c.contentType}` : ''}] ${body.slice(0, 200)}`;
}

async function send(c: Case): Promise<{ status: number; contentType: string; text: string } | { error: string }> {
  const headers: Record<string, string> = { cookie: owner.cookie, 'accept-language': 'zh-CN' };
  if (c.method !== 'GET') headers['x-workbench-request'] = '1';
  if (c.contentType) headers['content-type'] = c.contentType;
  try {
    const res = await fetch(server.url + c.url, { method: c.method, headers, body: c.method === 'GET' ? undefined : c.body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const text = await res.text();
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', text };
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** A case may end the owner's session (logout); log in again so the next case is still the owner's. */
async function stillOwner(): Promise<void> {
  if ((await owner.get('/api/auth/me')).status === 200) return;
  const again = await owner.login(OWNER.username, OWNER.password);
  if (again.status !== 200) throw new Error(`the owner could not log in again: ${again.status} ${again.text}`);
}

async function run(ops: Operation[], seedBase: number): Promise<Outcome> {
  const outcome: Outcome = { cases: 0, byStatus: {}, wrong: [] };
  for (const [index, op] of ops.entries()) {
    const cases = fc.sample(caseFor(op), { numRuns: RUNS, seed: seedBase + index });
    for (const c of cases) {
      const reply = await send(c);
      outcome.cases++;
      if ('error' in reply) {
        outcome.wrong.push(`${describeCase(c)} → no answer (${reply.error})`);
        continue;
      }
      outcome.byStatus[reply.status] = (outcome.byStatus[reply.status] ?? 0) + 1;
      if (reply.status >= 500) {
        outcome.wrong.push(`${describeCase(c)} → ${reply.status} ${reply.text.slice(0, 300)}`);
      } else if (reply.status >= 400) {
        let problem: { title?: unknown; status?: unknown } = {};
        try {
          problem = JSON.parse(reply.text) as typeof problem;
        } catch {
          // reported below
        }
        if (!reply.contentType.startsWith('application/problem+json') || typeof problem.title !== 'string' || problem.status !== reply.status) {
          outcome.wrong.push(`${describeCase(c)} → ${reply.status} not a problem (${reply.contentType}): ${reply.text.slice(0, 200)}`);
        }
      }
      if (reply.status === 401) await stillOwner();
    }
  }
  return outcome;
}

function ordered(): Operation[] {
  return [...operations].filter((op) => !ONLY || ONLY.test(`${op.method} ${op.path}`)).sort((a, b) => runOrder(a) - runOrder(b));
}

describe('fuzzing every operation in /api/openapi.json as the owner', () => {
  test(`${RUNS} generated cases per operation: no 5xx, no hang, every 4xx a problem+json (seed ${SEED})`, { timeout: 60_000 + RUNS * 60_000 }, async () => {
    expect(operations.length).toBeGreaterThan(150);
    const outcome = await run(ordered(), SEED);
    // Printed so a deep run shows what the cases met.
    console.info(`api fuzz: ${outcome.cases} cases over ${operations.length} operations, seed ${SEED}, statuses ${JSON.stringify(outcome.byStatus)}`);
    if (!ONLY) expect(outcome.cases).toBe(operations.length * RUNS);
    // The server's own account of a failure (its stack) goes with the cases that caused it.
    const failures = server.output().split('\n').filter((line) => /request failed|response schema|Error|^\s+at /.test(line)).slice(0, 60);
    expect(outcome.wrong, failures.join('\n')).toEqual([]);
    // Most cases must reach the handlers, not stop at the door: some answers are not refusals.
    expect(Object.entries(outcome.byStatus).filter(([s]) => Number(s) < 300).reduce((n, [, c]) => n + c, 0)).toBeGreaterThan(outcome.cases / 10);
  });
});

describe('what the fuzzing found', () => {
  test('a request line too long for the HTTP parser is a 431 problem+json, not a bare status line', async () => {
    const reply = await fetch(`${server.url}/api/workbench/search?q=${encodeURIComponent('货'.repeat(2_000))}`, { headers: { cookie: owner.cookie } });
    expect(reply.status).toBe(431);
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = await reply.json();
    expect(body).toMatchObject({ status: 431 });
    expect(body.title).toMatch(/[\u4e00-\u9fff]/);
    expect(body.detail).toMatch(/16 KB/);
    // The server still answers the next request on a new connection.
    expect((await owner.get('/api/health')).status).toBe(200);
  });

  test('a cart whose amounts pass the money ceiling (10 亿元) is a 400 naming it, not a 500', async () => {
    // Each price fits `price` (at most 100,000,000,000 分), but two of them do not add up to one.
    const made = await owner.post('/api/listings/products', { title: '天价测试款', itemCode: 'FUZZ-CEILING', skus: [{ code: 'FUZZ-CEILING-1', attributes: { 尺码: 'S' }, price: 100_000_000_000, cost: 100_000_000_000 }] });
    expect(made.status, made.text).toBe(201);
    const skuId = made.body.skus[0].id as number;
    expect((await owner.post('/api/listings/price', { lines: [{ skuId, qty: 1 }] })).status).toBe(200);
    for (const cart of [{ lines: [{ skuId, qty: 2 }] }, { lines: [{ skuId, qty: 9_999 }] }, { lines: [{ skuId, qty: 1 }], shipping: 100_000_000_000 }]) {
      const reply = await owner.post('/api/listings/price', cart, { 'accept-language': 'zh-CN' });
      expect(reply.status, reply.text).toBe(400);
      expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(reply.body.detail).toMatch(/10 亿元/);
      const en = await owner.post('/api/listings/price', cart, { 'accept-language': 'en' });
      expect(en.body.detail).toMatch(/1,000,000,000 yuan/);
    }
  });
});
