// GraphiQL served from the package (@graphql-yoga/render-graphiql): scripts, styles and editor workers are
// inlined in the page, so it opens on an intranet with no route to a CDN. The page is about 9 MB, so it is
// rendered and gzip-compressed once and served from memory.
import { gzipSync } from 'node:zlib';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';

/**
 * GraphiQL introspects once, with the headers of that moment; a schema seen anonymously lacks the modules a
 * logged-in account sees. This script re-fetches the schema (GraphiQL's own button) whenever a request
 * succeeds with an Authorization or X-Township header different from the last introspection's.
 */
const REFETCH_ON_NEW_TOKEN = `(() => {
  const keyOf = (h) => { const x = new Headers(h || {}); return (x.get('authorization') || '') + '|' +
    (x.get('x-township') || ''); };
  let introspectedWith = null;
  const original = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const response = await original(input, init);
    try {
      const body = init && typeof init.body === 'string' ? JSON.parse(init.body) : null;
      if (!body) return response;
      const key = keyOf(init.headers);
      if (body.operationName === 'IntrospectionQuery') introspectedWith = key;
      else if (introspectedWith !== null && key !== introspectedWith && response.ok) {
        introspectedWith = key;
        const button = document.querySelector('[aria-label^="Re-fetch GraphQL schema"]');
        if (button) setTimeout(() => button.click(), 0);
      }
    } catch (e) { /* not a GraphQL request */ }
    return response;
  };
})();`;

let rendered: { key: string; html: string } | null = null;

/** the offline page with the schema re-fetch script placed before GraphiQL's own (rendered once per options) */
export function renderOfflineGraphiQL(options: GraphiQLOptions): string {
  const key = JSON.stringify(options);
  if (rendered?.key !== key) {
    const html = renderGraphiQL(options);
    const at = html.indexOf('<script>');
    rendered = { key, html: `${html.slice(0, at)}<script>${REFETCH_ON_NEW_TOKEN}</script>\n${html.slice(at)}` };
  }
  return rendered.html;
}

/** serves the rendered page gzip-compressed (once per rendered page) to browsers that accept it */
export function compressedPages(): Plugin {
  const gzipped = new Map<string, Uint8Array>();
  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      if (!response.headers.get('content-type')?.startsWith('text/html')) return;
      if (response.headers.has('content-encoding')) return; // already compressed (the console's pages)
      if (!/\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')) return;
      const html = await response.text();
      let body = gzipped.get(html);
      if (!body) {
        gzipped.clear();
        gzipped.set(html, (body = gzipSync(html)));
      }
      const headers = new fetchAPI.Headers(response.headers);
      headers.set('content-encoding', 'gzip');
      headers.set('content-length', String(body.byteLength));
      headers.append('vary', 'Accept-Encoding');
      setResponse(new fetchAPI.Response(body as unknown as BodyInit, { status: response.status, headers }));
    },
  };
}
