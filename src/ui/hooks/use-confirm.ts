// A question put to the user before something is lost (ConfirmDialog): one at a time.
import { useCallback, useMemo, useState } from 'react';
import type { ConfirmChoice } from '../components/ConfirmDialog';

export interface ConfirmRequest {
  message: string;
  choices: ConfirmChoice[];
  onChoose: (id: string) => void;
}

export interface ConfirmState {
  /** the question shown, or null */
  question: { message: string; choices: ConfirmChoice[] } | null;
  ask: (request: ConfirmRequest) => void;
  cancel: () => void;
  choose: (id: string) => void;
}

export function useConfirm(): ConfirmState {
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const cancel = useCallback(() => setRequest(null), []);
  const choose = useCallback(
    (id: string) => {
      setRequest(null);
      request?.onChoose(id);
    },
    [request],
  );
  const question = useMemo(() => request && { message: request.message, choices: request.choices }, [request]);
  return { question, ask: setRequest, cancel, choose };
}
