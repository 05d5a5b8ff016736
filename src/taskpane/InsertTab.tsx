export default function InsertTab() {
  return <div>insert: pending src/core/ops</div>;
}
