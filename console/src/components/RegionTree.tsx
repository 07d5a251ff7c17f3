import type { RegionRef } from '../api.js';
import { TreeNode } from './TreeNode.js';
import { T } from './T.js';

/** the viewer's area as a tree, rooted at their own region */
export function RegionTree(props: { root: RegionRef; page: 'modules' | 'figures'; current: string | null }) {
  return (
    <nav class="tree" aria-labelledby="tree-title">
      <h2 id="tree-title">
        <T k="regions" />
      </h2>
      <ul>
        <TreeNode region={props.root} page={props.page} current={props.current} depth={0} />
      </ul>
    </nav>
  );
}
