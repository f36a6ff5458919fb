// Regenerates docs/errors.md from ERROR_CATALOG: node server/bin/run-ts.mjs scripts/gen-errors-doc.ts
import { writeFileSync } from 'node:fs';
import { ERROR_CATALOG } from '../server/src/http/error-registry.ts';

const rows = Object.entries(ERROR_CATALOG).map(([code, e]) => `| \`${code}\` | ${e.status} | ${e.message} |`);
writeFileSync(
  new URL('../docs/errors.md', import.meta.url),
  `# Error codes

Every error the API returns has the shape \`{"code": "…", "message": "中文说明", "fields"?: [{"field", "label", "message"}]}\`.
Services throw \`AppError(code)\`; \`server/src/http/error-handler.ts\` maps the code to the HTTP status and message
below (\`server/src/shared/app-error.ts\` holds the catalog). A test fails when a code is missing here.
Portal pages show the same message in an HTML page. \`VALIDATION_FAILED\` lists every bad field in \`fields\`,
with its Chinese label, e.g. \`{"field": "username", "label": "用户名", "message": "不能为空"}\`.

| code | HTTP | message (zh-CN) |
|---|---|---|
${rows.join('\n')}
`,
);
