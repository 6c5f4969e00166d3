/**
 * The request-log methods of the contract: thin calls into core/requests, each change made as the
 * OS user (recorded in the request's history).
 */
import type { Input, MethodName, Output } from '../../shared/contract.ts';
import { currentUser } from '../evidence/user.ts';
import { writeAnswerFolder } from '../requests/answer-folder.ts';
import { requestLogWorkbook } from '../requests/log-workbook.ts';
import {
  addRequest, answerRequest, getRequest, linkToRequest, listRequests, setRequestStatus, unlinkFromRequest, updateRequestFields,
} from '../requests/requests.ts';
import type { Db } from '../store/database.ts';
import { audited } from '../audit/audit-log.ts';
import { countOf, failedDetail, sizeWords } from '../audit/details.ts';
import { ApiFailure } from './errors.ts';

type RequestMethod = Extract<MethodName, `requests.${string}`>;
export type RequestHandlers = { [M in RequestMethod]: (input: Input<M>) => Promise<Output<M>> };

export function createRequestHandlers(db: Db): RequestHandlers {
  const actor = () => ({ user: currentUser() });
  return {
    'requests.list': async ({ statuses }) => listRequests(db, statuses),
    'requests.get': async ({ id }) => getRequest(db, id),
    'requests.add': async (input) => addRequest(db, input, actor()),
    'requests.update': async ({ id, fields }) => updateRequestFields(db, id, fields, actor()),
    'requests.setStatus': async ({ id, status }) => setRequestStatus(db, id, status, actor()),
    'requests.link': async ({ id, link }) => linkToRequest(db, id, link, actor()),
    'requests.unlink': async ({ id, linkId }) => unlinkFromRequest(db, id, linkId, actor()),
    'requests.answer': async ({ id, response, documentPaths }) => answerRequest(db, id, response, documentPaths ?? [], actor()),
    'requests.export': async () => {
      const requests = listRequests(db);
      return audited(
        db,
        'requests.export',
        { done: () => `The request log as an Excel workbook, ${countOf(requests.length, 'request')}, handed over to be saved.`, failed: (error) => failedDetail(null, error) },
        () => requestLogWorkbook(requests),
      );
    },
    'requests.exportAnswer': async ({ id, destination }) => {
      const request = getRequest(db, id);
      return audited(
        db,
        'answer.export',
        {
          done: (r) => `Request ${id}'s answer to ${r.folder}: ${countOf(r.files, 'file')}, ${sizeWords(r.bytes)}.`,
          failed: (error) => failedDetail(destination, `Request ${id}: ${(error as Error).message}`),
          // A folder refused before anything was written (it holds a pack) is not an export.
          skip: (error) => error instanceof ApiFailure && error.code === 'invalid-argument',
        },
        () => writeAnswerFolder(request, destination, currentUser()),
      );
    },
  };
}
