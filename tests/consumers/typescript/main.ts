// Type-checked only (tsc --noEmit, nodenext and bundler resolution): every part of the API with
// its declared types. A wrong or missing declaration fails to compile.
import init, {
  ArticleCleaner,
  clean,
  cleanToFragment,
  init as namedInit,
  initSync,
  isProbablyReaderable,
  type Article,
  type ArticleCleanerError,
  type CleanedFragment,
  type ErrorCode,
  type Explain,
  type Options,
  type PageType,
} from 'article-cleaner';

export async function run(html: string, bytes: Uint8Array, wasm: WebAssembly.Module): Promise<void> {
  await init();
  await namedInit({ module_or_path: new URL('https://example.com/article_cleaner_bg.wasm') });
  initSync({ module: wasm });

  const options: Options = { url: 'https://example.com/a', explain: true, outputMarkdown: true, pageType: 'article' };
  const article: Article = clean(html, options);
  const title: string | null = article.title;
  const text: string = article.textContent;
  const markdown: string | null = article.markdown;
  const words: number = article.wordCount + article.readingTimeMinutes + article.length;
  const type: PageType = article.pageType;
  const explain: Explain | undefined = article.explain;
  const firstRule: string | undefined = explain?.removed[0]?.rule;
  const attempt: number | undefined = explain?.retry.attempt;
  const readerable: boolean = isProbablyReaderable(html, { minContentLength: 140, minScore: 20 });

  const cleaner = new ArticleCleaner({ encoding: 'windows-1252' });
  cleaner.write(bytes);
  cleaner.write('<p>more</p>');
  const streamed: Article = cleaner.finish();

  const { fragment }: CleanedFragment = cleanToFragment(html);
  const node: DocumentFragment = fragment;

  try {
    clean(html, { charThreshold: 10 });
  } catch (error) {
    const code: ErrorCode = (error as ArticleCleanerError).code;
    console.log(code);
  }
  console.log(title, text, markdown, words, type, firstRule, attempt, readerable, streamed, node);
}

// @ts-expect-error unknown options are refused by the types as by the cleaner
clean('<p>x</p>', { colour: 'red' });
// @ts-expect-error pageType is one of the named types
clean('<p>x</p>', { pageType: 'blog' });
