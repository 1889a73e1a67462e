#pragma once

#include <cstddef>

namespace xj::geometry {

/// True when the closed ring of `count` points (x, y pairs) is surely simple: at least three
/// distinct vertices, and no two of its segments meet except consecutive ones at their shared
/// vertex. Decided with GEOS's orientation filter in a sweep over the segments, in
/// O(n log n + k) for k pairs of segments whose boxes overlap.
///
/// False when the ring is not simple *or* double arithmetic cannot tell: it is a fast path in
/// front of GEOS's validity check, never a verdict of its own. GEOS (IsValidOp) nodes every
/// ring with its monotone-chain noder, which costs 20–30 µs a ring for borders that wiggle (a
/// chain ends at every turn); this sweep takes a few, and a polygon of one such ring is valid
/// exactly when its ring is simple.
bool surely_simple_ring(const double* xy, std::size_t count);

} // namespace xj::geometry
