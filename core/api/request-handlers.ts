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
    'requests.export': async () => requestLogWorkbook(listRequests(db)),
    'requests.exportAnswer': async ({ id, destination }) => writeAnswerFolder(getRequest(db, id), destination, currentUser()),
  };
}
