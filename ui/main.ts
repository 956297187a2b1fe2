/**
 * A first page for the workbench: first-run setup, login, and the plugin list. The full shell
 * (activity bar, editors, command palette) builds on the same API.
 */
const app = document.getElementById('app')!;

interface Problem {
  title: string;
  detail: string;
  errors?: { path: string; message: string }[];
}

async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`/api${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', 'x-workbench-request': '1', ...(init.headers ?? {}) },
  });
  const body: unknown = res.status === 204 ? null : await res.json();
  if (!res.ok) {
    const p = body as Problem;
    throw new Error([p.detail, ...(p.errors ?? []).map((e) => `${e.path}: ${e.message}`)].join('\n'));
  }
  return body as T;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

function field(label: string, name: string, type = 'text', required = true) {
  return el('label', {}, label, el('input', { name, type, required }));
}

function form(title: string, fields: HTMLElement[], submit: string, onSubmit: (data: Record<string, string>) => Promise<void>) {
  const error = el('p', { className: 'error', role: 'alert' });
  const f = el('form', {}, ...fields, el('button', { type: 'submit' }, submit), error);
  f.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(f).entries()) as Record<string, string>;
    onSubmit(data).catch((e: unknown) => (error.textContent = e instanceof Error ? e.message : String(e)));
  });
  app.replaceChildren(el('h1', {}, title), f);
}

function showSetup(token: string) {
  const demo = el('input', { type: 'checkbox', name: 'demo' });
  form('首次设置：创建店长账号', [field('店铺名称', 'shopName', 'text', false), field('账号', 'username'), field('显示名', 'displayName'), field('密码（至少 8 位）', 'password', 'password'), el('label', {}, demo, '载入演示店铺数据')], '创建', async (d) => {
    await api('/auth/setup', { method: 'POST', body: JSON.stringify({ token, username: d.username, displayName: d.displayName, password: d.password, ...(d.shopName ? { shopName: d.shopName } : {}), demo: demo.checked }) });
    history.replaceState(null, '', '/');
    await showHome();
  });
}

function showLogin() {
  form('登录网店工作台', [field('账号', 'username'), field('密码', 'password', 'password')], '登录', async (d) => {
    await api('/auth/login', { method: 'POST', body: JSON.stringify({ username: d.username, password: d.password }) });
    await showHome();
  });
}

async function showHome() {
  const me = await api<{ displayName: string }>('/auth/me');
  const { items } = await api<{ items: { id: string; name: string; version: string | null; state: string; reason: string | null }[] }>('/plugins');
  const rows = items.map((p) => el('tr', { className: p.state }, el('td', {}, p.name), el('td', {}, p.version ?? ''), el('td', {}, p.state), el('td', {}, p.reason ?? '')));
  const logout = el('button', { type: 'button' }, '退出登录');
  logout.addEventListener('click', () => void api('/auth/logout', { method: 'POST' }).then(showLogin));
  app.replaceChildren(el('h1', {}, `你好，${me.displayName}`), el('table', {}, el('tr', {}, el('th', {}, '插件'), el('th', {}, '版本'), el('th', {}, '状态'), el('th', {}, '原因')), ...rows), logout);
}

async function start() {
  const token = new URLSearchParams(location.search).get('token');
  const info = await api<{ setupNeeded: boolean }>('/workbench/info');
  if (info.setupNeeded && location.pathname === '/setup' && token) return showSetup(token);
  if (info.setupNeeded) {
    app.replaceChildren(el('h1', {}, '尚未设置'), el('p', {}, '请打开工作台启动时在控制台打印的设置链接。'));
    return;
  }
  await showHome().catch(showLogin);
}

void start();
