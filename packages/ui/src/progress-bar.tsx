import { useId } from "react";

export interface ProgressBarProps {
  /** 0–100. */
  percent: number;
  /** What is happening now ("Fetching", "Storing"); names the bar for assistive technology. */
  label: string;
}

export function ProgressBar({ percent, label }: ProgressBarProps) {
  const labelId = useId();
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className="progress">
      <div className="progress-label">
        <span id={labelId}>{label}</span>
        <span className="progress-percent" aria-hidden="true">
          {value}%
        </span>
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${label}, ${value}%`}
      >
        <div className="progress-fill" style={{ width: `${value}%` }} />
      </div>
    </div>
  );
}
