export { decodeSource, decodeText, digestOf, DEFAULT_LIMITS, type ReadLimits, type SourceText } from './read-source.js';
export { readFrontmatter, type Frontmatter, type SplitResult } from './frontmatter.js';
export { parseBody, inlineText, renderTokens, slugifyId, uniqueId, md, type Block, type ParsedBody, type RenderOptions, type Token } from './markdown.js';
export { discover, detectLayout, type DiscoveredFile, type Layout } from './discover.js';
