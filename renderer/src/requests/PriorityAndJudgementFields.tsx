/**
 * A request's priority and judgement, as the log dialog and the request panel both ask for them.
 * A judgement not among `judgements` (one from another framework) still shows, by its id.
 */
import { Field, Radio, RadioGroup, Select } from '@fluentui/react-components';
import type { REQUEST_PRIORITIES } from '../../../shared/requests.ts';

type RequestPriority = (typeof REQUEST_PRIORITIES)[number];

export interface PriorityAndJudgementProps {
  priority: RequestPriority;
  judgementId: string;
  judgements: { id: string; title: string }[];
  onPriority: (priority: RequestPriority) => void;
  onJudgement: (judgementId: string) => void;
  errors?: { priority?: string; judgement?: string };
  selectClassName?: string;
  judgementTestId?: string;
}

export function PriorityAndJudgementFields(props: PriorityAndJudgementProps) {
  const { judgementId, judgements } = props;
  return (
    <>
      <Field label="Priority" validationMessage={props.errors?.priority}>
        <RadioGroup layout="horizontal" value={props.priority} onChange={(_, d) => props.onPriority(d.value as RequestPriority)}>
          <Radio value="normal" label="Normal" />
          <Radio value="high" label="High" />
        </RadioGroup>
      </Field>
      <Field label="Judgement" validationMessage={props.errors?.judgement}>
        <Select className={props.selectClassName} value={judgementId} onChange={(_, d) => props.onJudgement(d.value)} data-testid={props.judgementTestId}>
          <option value="">None</option>
          {judgementId && !judgements.some((j) => j.id === judgementId) && <option value={judgementId}>{judgementId}</option>}
          {judgements.map((j) => (
            <option key={j.id} value={j.id}>
              {j.title}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
}
