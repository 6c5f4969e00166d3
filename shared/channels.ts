/**
 * The names of the contract's methods and events, with no schema library attached.
 *
 * The Electron preload is bundled on its own and must stay tiny, so it takes the names from here;
 * `contract.ts` checks at compile time that this list and the schemas agree.
 */
export const METHOD_NAMES = [
  'app.info',
  'library.summary',
  'roots.list',
  'roots.add',
  'roots.remove',
  'roots.scan',
  'scan.status',
  'scan.run',
  'search.query',
  'search.facets',
  'documents.get',
  'documents.byPath',
  'documents.page',
  'documents.file',
  'documents.open',
  'documents.reveal',
  'failures.list',
  'dialog.pickFolder',
  'scan.control',
  'failures.retry',
  'settings.get',
  'settings.set',
  'evidence.get',
  'evidence.save',
  'evidence.list',
  'evidence.confirmContent',
  'evidence.history',
  'tags.add',
  'tags.remove',
  'suggestions.list',
  'suggestions.dismiss',
  'coverage.get',
  'coverage.evidence',
  'checks.list',
  'selfEvaluation.get',
  'selfEvaluation.save',
  'selfEvaluation.export',
  'frameworks.list',
  'frameworks.get',
  'frameworks.save',
  'frameworks.delete',
  'annexa.specs',
  'annexa.stage',
  'annexa.import',
  'annexa.status',
  'annexa.findings',
  'annexa.changes',
  'annexa.row',
  'annexa.summary',
  'annexa.workbook',
  'annexa.clear',
  'annexa.mappings',
  'annexa.saveMapping',
  'pack.preview',
  'pack.export',
  'pack.cancel',
  'pack.verify',
  'pack.log',
  'requests.list',
  'requests.get',
  'requests.add',
  'requests.update',
  'requests.setStatus',
  'requests.link',
  'requests.unlink',
  'requests.answer',
  'requests.export',
  'requests.exportAnswer',
] as const;

export const EVENT_NAMES = ['scan.progress', 'roots.changed', 'annexa.progress', 'pack.progress'] as const;

export const IPC_CHANNEL_PREFIX = 'evidence:';
export const IPC_EVENT_CHANNEL = 'evidence:event';
export const HTTP_API_PREFIX = '/api/';
/** Header every browser-mode API request carries: a cross-site form cannot set it without a CORS preflight. */
export const HTTP_REQUEST_HEADER = 'x-evidence-request';
