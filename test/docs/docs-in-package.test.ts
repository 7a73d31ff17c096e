/**
 * The docs as users read them: inside node_modules, from the packed package. Every relative
 * link of README.md and docs/*.md resolves to a file in the tarball (and a `#anchor` to a
 * heading of that file); a page that names files of the source repository (`src/…`,
 * `test/…`, `bench/…`, `npm run …`) says that they are not in the package. And the README's
 * Quick start begins with the install line, naming the package and its peer dependencies.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

/** The tarball's file list: `npm pack --dry-run` lists without building or writing anything. */
const packed: readonly string[] = (() => {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  const [pack] = JSON.parse(output.slice(output.indexOf('['), output.lastIndexOf(']') + 1)) as {
    files: { path: string }[];
  }[];
  return pack!.files.map((file) => file.path);
})();

const pages = packed.filter((path) => path === 'README.md' || /^docs\/[^/]+\.md$/.test(path));

/** Markdown without fenced code blocks and inline code: links there are examples, not links. */
const prose = (markdown: string): string =>
  markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
const anchorsOf = (markdown: string): Set<string> => {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const withoutCode = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const [, heading] of withoutCode.matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const slug = (heading as string)
      .toLowerCase()
      .replace(/<[^>]+>/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
};

const text = (path: string): string => readFileSync(join(root, path), 'utf8');

/** Every relative link target of a page: `[text](target)` and `<a href="target">`. */
const relativeLinks = (markdown: string): string[] =>
  [
    ...[...prose(markdown).matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1] as string),
    ...[...prose(markdown).matchAll(/href="([^"]+)"/g)].map((match) => match[1] as string),
  ].filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));

test('npm pack lists README.md and the docs pages', () => {
  expect(pages).toContain('README.md');
  expect(pages.length).toBeGreaterThan(5);
});

describe.each(pages)('%s inside node_modules', (page) => {
  const markdown = text(page);

  test('every relative link resolves to a file of the package, and every anchor to a heading', () => {
    const broken: string[] = [];
    for (const link of relativeLinks(markdown)) {
      const [pathPart, anchor] = link.split('#') as [string, string | undefined];
      const target = pathPart === '' ? page : normalize(join(dirname(page), decodeURIComponent(pathPart)));
      const isFile = packed.includes(target);
      const isFolder = packed.some((path) => path.startsWith(`${target.replace(/\/$/, '')}/`));
      if (!isFile && !isFolder) {
        broken.push(`${link}: ${target} is not in the package`);
        continue;
      }
      if (anchor !== undefined && (!isFile || !anchorsOf(text(target)).has(anchor))) {
        broken.push(`${link}: no heading '#${anchor}' in ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  test('files of the source repository it names are said to be outside the package', () => {
    const mentions = [
      ...[...markdown.matchAll(/`((?:\.\.\/)?(?:src|test|bench|examples|scripts|\.ci)\/[^`\s]*)[^`]*`/g)]
        .map((match) => match[1] as string)
        .filter((path) => !packed.includes(path)),
      ...[...markdown.matchAll(/npm (?:run [\w:-]+|test|ci)\b/g)].map((match) => match[0]),
    ];
    if (mentions.length === 0) return;
    // A reader in node_modules is told, by the first mention at the latest, that these live in the source
    // repository. The README opens with the contributors' commands (the project's guide), and says so after them.
    const firstMention = Math.min(
      ...mentions.map((mention) => markdown.indexOf(mention)).filter((index) => index >= 0),
    );
    const paragraphEnd = markdown.indexOf('\n\n', firstMention);
    const toldBy = page === 'README.md' ? markdown : markdown.slice(0, paragraphEnd < 0 ? undefined : paragraphEnd);
    expect({ page, mentions, says: /source\s+repository/.test(toldBy) }).toEqual({ page, mentions, says: true });
  });
});

test('the README links every docs page', () => {
  const linked = new Set(relativeLinks(text('README.md')).map((link) => normalize(link.split('#')[0] as string)));
  const unlinked = pages.filter((page) => page !== 'README.md' && !linked.has(page));
  expect(unlinked).toEqual([]);
});

test("the README's Quick start begins with the install line: the package and its peer dependencies", () => {
  const readme = text('README.md');
  const quickStart = readme.slice(readme.indexOf('## Quick start'));
  const firstBlock = /```(\w*)\n([\s\S]*?)```/.exec(quickStart);
  const manifest = JSON.parse(text('package.json')) as { name: string; peerDependencies: Record<string, string> };
  expect(firstBlock?.[1]).toBe('sh');
  const install = (firstBlock?.[2] ?? '').split('\n')[0] as string;
  expect(install.split(/\s+/)).toEqual(['npm', 'i', '-D', manifest.name, ...Object.keys(manifest.peerDependencies)]);
  // The README still opens with the contributors' commands, as the project guide requires.
  expect(/```sh\n([\s\S]*?)```/.exec(readme)?.[1]).toMatch(/^# .*\nnpm ci && npm run example\n# .*\nnpm test\n$/);
});

test('AWS CLI exit codes are given for both major versions wherever the docs mention one', () => {
  // v2 exits 254 on a service error where v1, still common, exits 255 (test/server/aws-cli.test.ts runs v2).
  const vague = pages.filter((page) => {
    const markdown = text(page);
    return (
      /exit(?:s|\s+code|\s+status)?[^.]{0,40}\b25[45]\b/i.test(markdown) &&
      !(/\bv1\b/.test(markdown) && /\bv2\b/.test(markdown))
    );
  });
  expect(vague).toEqual([]);
  expect(text('docs/server-mode.md')).toMatch(/^\| v2 +\| exit code 254 +\| exit code 255 +\|$/m);
  expect(text('docs/server-mode.md')).toMatch(/^\| v1 +\| exit code 255 +\| exit code 255 +\|$/m);
});
