/**
 * The part of lunr 2.3.9 the pack's search uses in Node (building the index, and the tests loading
 * it), typed here rather than by a types package: lunr is a CommonJS module whose export is the
 * `lunr()` function carrying its classes.
 */
declare module 'lunr' {
  namespace lunr {
    interface Token {
      toString(): string;
      update(fn: (text: string, metadata: object) => string): Token;
    }
    type PipelineFunction = ((token: Token, index: number, tokens: Token[]) => Token | Token[] | null | undefined) & { label?: string };
    interface Pipeline {
      add(...fns: PipelineFunction[]): void;
      remove(fn: PipelineFunction): void;
      before(existing: PipelineFunction, fn: PipelineFunction): void;
      after(existing: PipelineFunction, fn: PipelineFunction): void;
      toJSON(): string[];
    }
    interface Builder {
      ref(name: string): void;
      field(name: string, attributes?: { boost?: number; extractor?: (doc: object) => string }): void;
      add(doc: object, attributes?: { boost?: number }): void;
      pipeline: Pipeline;
      searchPipeline: Pipeline;
    }
    interface Result {
      ref: string;
      score: number;
    }
    /** What `Index.toJSON()` gives and `Index.load()` takes. */
    interface SerialisedIndex {
      version: string;
      fields: string[];
      fieldVectors: [string, number[]][];
      invertedIndex: [string, { _index: number } & Record<string, Record<string, object> | number>][];
      pipeline: string[];
    }
    interface Index {
      search(query: string): Result[];
      toJSON(): SerialisedIndex;
      fields: string[];
    }
    interface IndexStatic {
      load(serialised: SerialisedIndex): Index;
    }
    interface TokenStatic {
      new (text: string, metadata?: object): Token;
    }
  }
  interface Lunr {
    (config: (this: lunr.Builder, builder: lunr.Builder) => void): lunr.Index;
    version: string;
    Index: lunr.IndexStatic;
    Token: lunr.TokenStatic;
    stemmer: lunr.PipelineFunction;
    trimmer: lunr.PipelineFunction;
    stopWordFilter: lunr.PipelineFunction;
    tokenizer(text: string): lunr.Token[];
  }
  const lunr: Lunr;
  export default lunr;
}
