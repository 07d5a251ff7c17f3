import type { ModuleInfo } from '../types.js';
import { T } from './T.js';

/** where a switch or setting comes from: set here / inherited from … / default */
export function Source({ source, from }: { source: ModuleInfo['source']; from: ModuleInfo['sourceRegion'] }) {
  if (source === 'SET_HERE') return <T k="setHere" />;
  if (source === 'INHERITED')
    return (
      <>
        <T k="inherited" /> {from?.name}
      </>
    );
  return <T k="byDefault" />;
}
