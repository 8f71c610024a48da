import type { ComponentType, ReactNode } from 'react';
import { useAppStore } from '../../store/appStore';
import { openPanel } from '../../ui/openPanel';
import type { PanelId } from '../../ui/PanelTabs';
import { Term } from '../../ui/Term';
import { COMPARE_EXAMPLE, exampleQuestion, INSPECT_EXAMPLE } from './exampleQuestions';
import {
  CompareExample,
  CorpusFacts,
  DecodingExample,
  DocidExample,
  ModelFacts,
  ModelScores,
} from './LearnLive';

export interface LearnStep {
  title: string;
  /** what the step teaches, in a few sentences */
  body: ReactNode;
  /** what it looks like in the page right now */
  Live: ComponentType;
  /** the button that goes where it happens */
  action: { label: string; panel: PanelId; question?: number };
}

/** Go to the step's panel; with a test question, ask it first so the panel shows its answer. */
export function runStepAction(action: LearnStep['action']) {
  if (action.question !== undefined) {
    const { corpus, submitQuery } = useAppStore.getState();
    const question = exampleQuestion(corpus, action.question);
    if (question) submitQuery(question.text);
  }
  openPanel(action.panel);
}

/** The guided path, in order. */
export const LEARN_STEPS: LearnStep[] = [
  {
    title: 'Search by writing a name',
    body: (
      <p>
        Most search engines look your words up in an index. A generative retriever (
        <Term id="dsi">DSI</Term>) works differently: a neural network reads your question and
        writes the name of the document that answers it, from memory. This page trains such a model
        in your browser and puts it next to two classic methods, so you can see what it gets right
        and wrong.
      </p>
    ),
    Live: CorpusFacts,
    action: { label: 'Browse the documents', panel: 'corpus' },
  },
  {
    title: 'What is a docid?',
    body: (
      <p>
        To write a document’s name, every document needs one the model can spell: its{' '}
        <Term id="docid">docid</Term>. It can be <Term id="atomic-docid">a single token</Term>,{' '}
        <Term id="naive-docid">an arbitrary number</Term>,{' '}
        <Term id="semantic-docid">a path through groups of similar documents</Term> or{' '}
        <Term id="text-docid">a short text such as the title</Term>. The choice changes what the
        model has to memorise.
      </p>
    ),
    Live: DocidExample,
    action: { label: 'See the docid schemes in Index', panel: 'index' },
  },
  {
    title: 'How the model is trained',
    body: (
      <p>
        Indexing a corpus here means training the model. It reads each document’s text paired with
        its docid, and questions paired with the docid of their answer: real training questions and{' '}
        <Term id="pseudo-query">pseudo-queries</Term> cut from the documents. After enough passes it
        knows which docid goes with which content, without keeping the documents themselves.
      </p>
    ),
    Live: ModelFacts,
    action: { label: 'Open the Index panel', panel: 'index' },
  },
  {
    title: 'Why beam search is constrained',
    body: (
      <p>
        The model writes a docid one token at a time. <Term id="beam-search">Beam search</Term>{' '}
        keeps only the few likeliest unfinished docids after each step (the{' '}
        <Term id="beam-size">beam</Term>), scored by their{' '}
        <Term id="log-probability">log-probability</Term>. A <Term id="trie">trie</Term> of the real
        docids forbids every token that would lead nowhere, so each answer is a document that
        exists.
      </p>
    ),
    Live: DecodingExample,
    action: { label: 'Decode it in Inspect', panel: 'inspect', question: INSPECT_EXAMPLE },
  },
  {
    title: 'Generative vs dense vs BM25',
    body: (
      <p>
        <Term id="bm25">BM25</Term> scores documents by the question’s words. A{' '}
        <Term id="dense-retrieval">dual encoder</Term> turns question and documents into vectors and
        compares their meaning. The generative model answers from memory. Each fails in its own way,
        and <Term id="rrf">reciprocal rank fusion</Term> merges their three lists into one.
      </p>
    ),
    Live: CompareExample,
    action: { label: 'Compare the methods on it', panel: 'compare', question: COMPARE_EXAMPLE },
  },
  {
    title: 'How good is each method?',
    body: (
      <p>
        A fair comparison asks every method the same held-out test questions, whose right documents
        are known, and scores the rankings: <Term id="hits-at-k">Hits@k</Term>,{' '}
        <Term id="mrr">MRR@10</Term>, <Term id="ndcg">nDCG@10</Term> and{' '}
        <Term id="recall">Recall@k</Term>. Each is between 0 and 1, and higher is better.
      </p>
    ),
    Live: ModelScores,
    action: { label: 'Evaluate every method', panel: 'evaluate' },
  },
];
