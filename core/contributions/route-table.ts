import type { Context, Hono, Next } from 'hono';
import type { ValidateFunction } from 'ajv';
import { ForbiddenError, InputError, UnauthorizedError, isWorkbenchError } from '../errors.js';
import { readLimited, tooLarge } from './read-limited.js';
import { toDisposable, type Disposable } from '../lifecycle/disposable.js';
import { check, type Checker, type SchemaRegistry } from '../schemas/schema-registry.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.js';
import { MAX_JSON_ARRAY_ITEMS, hasArrayLongerThan } from './json-array-length.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Logger } from '../log/logger.js';
import type { WorkbenchEnv } from '../http/request-context.js';
import { completeJsonResponse, isApiPath } from '../http/response-headers.js';
import type { HttpMethod, RouteDefinition, RouteRequest } from '../plugins/context.js';
import type { Upload, UploadArea } from './upload-area.js';

type AnyRequest = RouteRequest<Record<string, unknown>, Record<string, unknown>, unknown>;

/**
 * A route as the table stores it. Besides what plugins may declare, core routes may ask only for
 * a logged-in person (`authenticated`), and upload routes take a multipart body, streamed to the
 * upload area under the upload limit, instead of JSON: their `body` is an `Upload`, which the
 * handler owns once it returns (and releases when done with the files); if it throws, the table
 * releases it.
 */
export type TableRoute = Omit<RouteDefinition, 'handler' | 'permission' | 'public'> & {
  permission?: string;
  public?: boolean;
  authenticated?: boolean;
  bodyKind?: 'json' | 'upload';
  /** Leave out of /api/openapi.json (e.g. the SSE stream of a run). */
  hidden?: boolean;
  /** What the audit record names as target when it is not the `:id` parameter (e.g. the user name of a login). */
  auditTarget?: (request: AnyRequest) => string | undefined;
  handler: (request: AnyRequest) => unknown;
};

export interface RegisteredRoute {
  owner: string;
  fullPath: string;
  route: TableRoute;
}

interface Compiled {
  params?: Checker;
  query?: Checker;
  body?: Checker;
  response?: () => ValidateFunction;
}

export interface RouteTableOptions {
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  uploads: UploadArea;
}

/**
 * Every HTTP route of the workbench, core and plugins alike, goes through here: access check,
 * validation of params, query and body, the handler, response check, and the audit record of a
 * mutation. The table also feeds the OpenAPI document.
 */
export class RouteTable {
  private readonly routes = new Set<RegisteredRoute>();
  /**
   * What answers each method and path mounted so far. Hono cannot take a route back, so a path is
   * mounted once and a plugin switched off and on again fills the same slot instead of adding one.
   */
  private readonly slots = new Map<string, { current?: (c: Context<WorkbenchEnv>) => Promise<Response> }>();

  constructor(
    private readonly app: Hono<WorkbenchEnv>,
    private readonly schemas: SchemaRegistry,
    private readonly audit: AuditLog,
    private readonly log: Logger,
    private readonly options: RouteTableOptions,
  ) {}

  list(): RegisteredRoute[] {
    return [...this.routes];
  }

  /**
   * Adds a route under `basePath`. Throws when the route declares no access, or a permission the
   * owner does not know, or a schema that does not compile, so the owning plugin fails to start.
   */
  add(owner: string, basePath: string, route: TableRoute, knownPermissions: ReadonlySet<string>): Disposable {
    const declared = [route.public === true, route.authenticated === true, typeof route.permission === 'string'].filter(Boolean).length;
    if (declared !== 1) {
      throw new Error(`route ${route.method.toUpperCase()} ${route.path} must declare exactly one of: permission, public: true`);
    }
    if (route.permission !== undefined && !knownPermissions.has(route.permission)) {
      throw new Error(`route ${route.method.toUpperCase()} ${route.path} uses permission "${route.permission}", which plugin.yaml does not declare`);
    }
    if (!route.path.startsWith('/') && route.path !== '') throw new Error(`route path "${route.path}" must start with /`);
    // Compiled when the route is first called; a schema that would not compile fails here all the same.
    const compiled: Compiled = {
      params: route.params ? this.schemas.lazyChecker(route.params, { coerce: true }) : undefined,
      query: route.query ? this.schemas.lazyChecker(route.query, { coerce: true }) : undefined,
      body: route.body ? this.schemas.lazyChecker(route.body) : undefined,
      response: route.response ? this.schemas.lazyValidator(route.response) : undefined,
    };
    const entry: RegisteredRoute = { owner, fullPath: basePath + route.path, route };
    const key = `${route.method.toUpperCase()} ${entry.fullPath}`;
    let slot = this.slots.get(key);
    if (!slot) {
      const mounted: { current?: (c: Context<WorkbenchEnv>) => Promise<Response> } = {};
      this.app.on(route.method.toUpperCase(), entry.fullPath, (c: Context<WorkbenchEnv>, next: Next) => (mounted.current ? mounted.current(c) : next()));
      this.slots.set(key, mounted);
      slot = mounted;
    }
    const api = isApiPath(entry.fullPath);
    const handler = (c: Context<WorkbenchEnv>) => this.handle(c, entry, compiled, api);
    const filled = slot;
    // A second route on the same method and path is left to answer after the first, as before.
    if (filled.current) {
      let active = true;
      this.app.on(route.method.toUpperCase(), entry.fullPath, async (c: Context<WorkbenchEnv>, next: Next) => (active ? handler(c) : next()));
      this.routes.add(entry);
      return toDisposable(() => {
        active = false;
        this.routes.delete(entry);
      });
    }
    filled.current = handler;
    this.routes.add(entry);
    return toDisposable(() => {
      if (filled.current === handler) filled.current = undefined;
      this.routes.delete(entry);
    });
  }

  private async handle(c: Context<WorkbenchEnv>, entry: RegisteredRoute, compiled: Compiled, api: boolean): Promise<Response> {
    const { route } = entry;
    const locale = c.get('locale');
    const actor = c.get('actor');
    const mutation = route.method !== 'get';
    // Only a mutation's audit record names a target.
    let target: string | undefined = mutation ? c.req.param('id') : undefined;
    try {
      // Inside the try so that refused mutations are audited too.
      if (!route.public) {
        if (!actor) throw new UnauthorizedError({ 'zh-CN': '请先登录', en: 'Please log in first' });
        if (route.permission && !actor.can(route.permission)) {
          throw new ForbiddenError({
            'zh-CN': `你的角色没有“${route.permission}”权限，请找店长开通`,
            en: `Your role lacks the permission "${route.permission}"; ask the shop owner to grant it`,
          });
        }
      }
      const params = compiled.params ? check<Record<string, unknown>>(compiled.params, { ...c.req.param() }, locale, 'params') : c.req.param();
      const query = compiled.query ? check<Record<string, unknown>>(compiled.query, c.req.queries(), locale, 'query') : c.req.query();
      // A route that takes no body does not wait for one.
      const body = route.bodyKind === 'upload' || compiled.body ? await this.readBody(c, route, compiled) : undefined;
      const request = { params, query, body, actor, locale, raw: c.req.raw };
      target ??= route.auditTarget?.(request);
      let result: unknown;
      try {
        result = route.handler(request);
        // A handler that answers at once is not awaited: one wait less on every such request.
        if (isThenable(result)) result = await result;
      } catch (error) {
        if (route.bodyKind === 'upload') await (body as Upload).release();
        throw error;
      }
      if (result instanceof Response) {
        if (mutation) await this.record(entry, c, target, 'ok', result.status);
        return result;
      }
      const response = compiled.response?.();
      if (response && !response(result)) {
        this.log.error('a route answered data that does not match its response schema', {
          route: `${route.method.toUpperCase()} ${entry.fullPath}`,
          errors: response.errors,
        });
        throw new Error('response schema mismatch');
      }
      const status = route.status ?? 200;
      if (mutation) {
        const resultId = typeof result === 'object' && result !== null ? (result as { id?: unknown }).id : undefined;
        target ??= resultId === undefined ? undefined : String(resultId);
        await this.record(entry, c, target, 'ok', status);
      }
      // With every header already on it: the outer middleware need not add them one by one.
      if (status === 204) return completeJsonResponse(null, 204, api);
      return completeJsonResponse(JSON.stringify(result ?? null), status, api);
    } catch (error) {
      if (mutation) {
        const status = isWorkbenchError(error) ? error.status : 500;
        await this.record(entry, c, target, 'error', status, error instanceof Error ? error.message : String(error)).catch((e: unknown) =>
          this.log.error('could not write the audit record', { error: e }),
        );
      }
      throw error;
    }
  }

  private async readBody(c: Context<WorkbenchEnv>, route: TableRoute, compiled: Compiled): Promise<unknown> {
    if (route.bodyKind === 'upload') return this.options.uploads.receive(c.req.raw, this.options.uploadLimitBytes, () => tooLarge(this.options.uploadLimitBytes));
    if (!compiled.body) return undefined;
    const bytes = await readLimited(c.req.raw, this.options.bodyLimitBytes);
    const text = new TextDecoder().decode(bytes);
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      throw new InputError({
        'zh-CN': `请求内容嵌套太深：数组和对象最多套 ${MAX_JSON_DEPTH} 层`,
        en: `The request body is nested too deeply: arrays and objects may go ${MAX_JSON_DEPTH} levels deep at most`,
      });
    }
    if (hasArrayLongerThan(text, MAX_JSON_ARRAY_ITEMS)) {
      throw new InputError({
        'zh-CN': `请求内容里的列表太长：一个数组最多 ${MAX_JSON_ARRAY_ITEMS} 项`,
        en: `A list in the request body is too long: an array may hold ${MAX_JSON_ARRAY_ITEMS} items at most`,
      });
    }
    let data: unknown;
    try {
      data = text.trim() === '' ? undefined : JSON.parse(text);
    } catch {
      throw new InputError({ 'zh-CN': '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' });
    }
    return check(compiled.body, data, c.get('locale'), 'body');
  }

  private record(entry: RegisteredRoute, c: Context<WorkbenchEnv>, target: string | undefined, outcome: 'ok' | 'error', status: number, detail?: string): Promise<void> {
    const actor = c.get('actor');
    return this.audit.record({
      actorId: actor?.id,
      actorName: actor?.username,
      plugin: entry.owner,
      action: entry.route.action ?? `${entry.route.method.toUpperCase()} ${entry.route.path || '/'}`,
      target,
      outcome,
      status,
      detail,
    });
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null | undefined)?.then === 'function';
}

export type { HttpMethod };
