// The slice of mark.js 8's API the benchmark uses: the package ships no types, and the bench
// needs only mark, markRegExp and unmark with their `done` callback.

declare module 'mark.js' {
  interface MarkOptions {
    accuracy?: 'partially' | 'complementary' | 'exactly';
    separateWordSearch?: boolean;
    done?: (count: number) => void;
  }
  export default class Mark {
    constructor(context: Element | Element[] | NodeList | string);
    mark(keywords: string | string[], options?: MarkOptions): void;
    markRegExp(regexp: RegExp, options?: MarkOptions): void;
    unmark(options?: { done?: () => void }): void;
  }
}
