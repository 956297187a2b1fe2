import type { Duplex } from 'node:stream';
import type { Locale } from '../i18n/localized-text.js';
import { problem } from './problem.js';

interface ClientErrorSource {
  on(event: 'clientError', listener: (error: Error & { code?: string }, socket: Duplex) => void): unknown;
}

/** Node's HTTP parser limit on the request line and headers together. */
const HEADER_LIMIT_KB = 16;

/**
 * Requests Node's HTTP parser refuses before any route sees them (a request line and headers over
 * 16 KB, bytes that are not HTTP) are answered as problem+json like every other refusal, rather
 * than with Node's bare status line, which the UI could only show as an empty error.
 */
export function answerClientErrors(server: ClientErrorSource, locale: Locale): void {
  server.on('clientError', (error, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const detail =
      status === 431
        ? { 'zh-CN': `请求的地址和请求头太长了，合计最多 ${HEADER_LIMIT_KB} KB；请缩短搜索词或筛选条件`, en: `The address and headers of the request are too long: ${HEADER_LIMIT_KB} KB at most together; shorten the search or the filters` }
        : status === 408
          ? { 'zh-CN': '请求发送得太慢，已超时', en: 'The request took too long to arrive' }
          : { 'zh-CN': '请求不是有效的 HTTP', en: 'The request is not valid HTTP' };
    const body = JSON.stringify(problem(status, detail, locale));
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Cache-Control: no-store\r\n' +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
