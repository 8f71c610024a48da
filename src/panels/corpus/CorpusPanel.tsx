import { CorpusSummary } from './CorpusSummary';
import { DocumentTable } from './DocumentTable';
import { GeneratedQueries } from './GeneratedQueries';
import { LoadControls } from './LoadControls';
import { LoadStatus } from './LoadStatus';

export function CorpusPanel() {
  return (
    <>
      <LoadControls />
      <LoadStatus />
      <CorpusSummary />
      <DocumentTable />
      <GeneratedQueries />
    </>
  );
}
