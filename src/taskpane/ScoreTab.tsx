export default function ScoreTab() {
  return <div>score: pending src/core/score</div>;
}
