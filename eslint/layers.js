// The layer rule: what each folder may import, checked on every way a module can be loaded
// (import, export … from, dynamic import(), require()), with the import resolved to the file it
// names, so `../core/x` and `../../core/x` are the same thing. See docs/architecture.md.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve } from 'node:path';

/** Every Node built-in, with or without the `node:` prefix (`crypto` as well as `node:crypto`). */
export const NODE_BUILTIN = `^pkg:(node:[^/]+|${builtinModules.filter((m) => !m.startsWith('_')).map((m) => m.replace('/', '\\/')).join('|')})(\\/.*)?$`;

/**
 * What an import names, as the rules see it: `path:core/store/roots.ts` for a file of this
 * repository, `pkg:electron` for a package or built-in.
 */
function target(spec, filename, root) {
  if (spec.startsWith('.') || spec.startsWith('/')) {
    return `path:${relative(root, resolve(dirname(filename), spec)).split('\\').join('/')}`;
  }
  return `pkg:${spec}`;
}

export default {
  rules: {
    imports: {
      meta: {
        type: 'problem',
        docs: { description: 'Each layer imports only what the architecture allows.' },
        schema: [{ type: 'array', items: { type: 'array', items: [{ type: 'string' }, { type: 'string' }] } }],
      },
      create(context) {
        const forbidden = context.options[0].map(([regex, message]) => [new RegExp(regex, 'u'), message]);
        const root = context.cwd;
        const check = (node, spec) => {
          const t = target(spec, context.filename, root);
          const hit = forbidden.find(([re]) => re.test(t));
          if (hit) context.report({ node, message: `“${spec}”: ${hit[1]}` });
        };
        const literal = (node) => {
          if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
          if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
          return null;
        };
        return {
          ImportDeclaration: (node) => check(node, node.source.value),
          ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
          ExportAllDeclaration: (node) => check(node, node.source.value),
          ImportExpression(node) {
            const spec = literal(node.source);
            if (spec === null) context.report({ node, message: 'Import a module by its name written out, so the layer rules can check it.' });
            else check(node, spec);
          },
          CallExpression(node) {
            if (node.callee.type !== 'Identifier' || node.callee.name !== 'require') return;
            const spec = literal(node.arguments[0]);
            if (spec !== null) check(node, spec);
          },
          TSImportEqualsDeclaration(node) {
            if (node.moduleReference.type === 'TSExternalModuleReference') check(node, node.moduleReference.expression.value);
          },
        };
      },
    },
  },
};
