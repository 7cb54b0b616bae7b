// The knowledge base's entry point: isolation concepts in English and Simplified Chinese, looked up
// by what people type and rendered for the CLI, the editor and the docs (pure core layer).

import { findTopic } from './lookup';
import { topicDoc, type TopicDoc } from './render';
import type { Lang } from './types';

export * from './lookup';
export * from './render';
export * from './types';
export * from './lang';

/**
 * The full document for what someone typed (a concept id or alias, a capability, a namespace, a
 * Compose key or flag, a rule id or name), in a language; undefined when nothing matches (see
 * `suggest`).
 */
export function findConcept(query: string, lang: Lang = 'en'): TopicDoc | undefined {
  const topic = findTopic(query);
  return topic ? topicDoc(topic, lang) : undefined;
}
