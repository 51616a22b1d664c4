// A text or number field that keeps what is typed to itself and hands it over on Enter or when
// it loses focus: one edit (one undo step) per change of value, not one per keystroke. Escape
// puts the current value back.
import { useEffect, useState, type InputHTMLAttributes } from 'react';

export interface CommitInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'defaultValue'> {
  value: string;
  onCommit: (value: string) => void;
}

export function CommitInput({ value, onCommit, onBlur, onKeyDown, ...rest }: CommitInputProps) {
  const [draft, setDraft] = useState(value);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!editing) setDraft(value);
  }, [value, editing]);
  const commit = () => {
    setEditing(false);
    if (draft !== value) onCommit(draft);
  };
  return (
    <input
      {...rest}
      value={editing ? draft : value}
      onChange={(e) => {
        setEditing(true);
        setDraft(e.currentTarget.value);
      }}
      onBlur={(e) => {
        commit();
        onBlur?.(e);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          commit();
          (e.currentTarget as HTMLInputElement).blur();
        } else if (e.key === 'Escape') {
          setEditing(false);
          setDraft(value);
        }
        onKeyDown?.(e);
      }}
    />
  );
}
