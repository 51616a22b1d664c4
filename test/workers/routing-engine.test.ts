// The routing engine (workers/routing-engine.ts) on its own: it owns the network and asks for the
// avoid cost only when one is supplied, so a leg with avoid mode off never reaches the review.
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/core/graph/build';
import { EdgeKind } from '../../src/core/graph/graph';
import type { RoutingNetwork } from '../../src/core/route/network';
import { createEngine } from '../../workers/engine';
import { routingMethods, type AvoidCost } from '../../workers/routing-engine';

type LonLat = [number, number];
const A: LonLat = [2.8, 50.4];
const B: LonLat = [2.83, 50.4];
const C: LonLat = [2.8, 50.41];
const D: LonLat = [2.83, 50.41];

function network() {
  const built = buildGraph(
    [
      { coords: [A, B], kind: EdgeKind.path, name: 'Chemin direct' },
      { coords: [A, C, D, B], kind: EdgeKind.path, name: 'Le tour' },
    ],
    { joinTolerance_m: 5 },
  );
  return { bytes: built.graph.data.slice(0) as ArrayBuffer, names: built.names };
}

describe('routing engine', () => {
  it('asks the supplied avoid cost once per graph leg, and nothing once it is withdrawn', async () => {
    const routing = routingMethods();
    const n = network();
    routing.methods.loadNetwork(n.bytes, n.names);
    const asked: RoutingNetwork[] = [];
    const plain = await routing.methods.legs([{ from: A, to: B, mode: 'network' }]);

    // the direct edge priced out: the leg goes round, and is flagged as the source says
    routing.supplyAvoidCost((net): AvoidCost => {
      asked.push(net);
      const edgeCost = new Float32Array(net.graph.edgeCount).fill(1);
      for (let e = 0; e < net.graph.edgeCount; e++) if (net.names[net.graph.edgeName[e]] === 'Chemin direct') edgeCost[e] = 100;
      return { edgeCost, unavoidable: () => ({ inside_m: 1, zones: ['Z'], endInside: false }) };
    });
    const [round, straight] = await routing.methods.legs([
      { from: A, to: B, mode: 'network' },
      { from: A, to: B, mode: 'straight' },
    ]);
    expect(asked).toEqual([routing.network()]);
    expect(round.length_m).toBeGreaterThan(plain[0].length_m * 1.5);
    expect(round.unavoidable).toEqual({ inside_m: 1, zones: ['Z'], endInside: false });
    expect(straight.unavoidable).toBeUndefined();
    // without the cost, on request (the detour report's plain figure)
    expect(routing.graphLeg({ from: A, to: B, mode: 'network' }, false).length_m).toBeCloseTo(plain[0].length_m, 6);
    expect(asked.length).toBe(1);

    routing.supplyAvoidCost(null);
    const [again] = await routing.methods.legs([{ from: A, to: B, mode: 'network' }]);
    expect(asked.length).toBe(1);
    expect(again).toEqual(plain[0]);
  });

  it('in the engine, avoid mode off supplies nothing: legs are the plain shortest paths', async () => {
    const engine = createEngine();
    const n = network();
    engine.loadNetwork(n.bytes, n.names);
    const square = [
      [2.81, 50.399],
      [2.82, 50.399],
      [2.82, 50.401],
      [2.81, 50.401],
      [2.81, 50.399],
    ];
    engine.addSensitiveLayer('z', 'Zones', {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: 'Marais' }, geometry: { type: 'Polygon', coordinates: [square] } }],
    });
    const [before] = await engine.legs([{ from: A, to: B, mode: 'network' }]);
    engine.setAvoid({ mode: 'forbid', factor: 5 });
    const [avoided] = await engine.legs([{ from: A, to: B, mode: 'network' }]);
    expect(avoided.length_m).toBeGreaterThan(before.length_m * 1.5);
    engine.setAvoid({ mode: 'off', factor: 5 });
    const [after] = await engine.legs([{ from: A, to: B, mode: 'network' }]);
    expect(after).toEqual(before);
  });
});
