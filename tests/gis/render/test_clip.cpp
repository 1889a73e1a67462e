#include "clip.h"

#include <gtest/gtest.h>
#include <vector>

namespace {

using xj::render::detail::clip_polyline;
using xj::render::detail::LineRun;

const QRectF box(0, 0, 100, 50);

TEST(ClipPolyline, ALineInsideIsOneRunFromItsStart) {
    const QPolygonF line{QPointF(10, 10), QPointF(20, 10), QPointF(20, 30)};
    std::vector<LineRun> runs;
    clip_polyline(line, box, runs);
    ASSERT_EQ(runs.size(), 1U);
    EXPECT_EQ(runs[0].points, line);
    EXPECT_EQ(runs[0].starts_at, 0);
}

TEST(ClipPolyline, ALineLeavingAndComingBackIsCutAtTheEdgesWithItsLengthSoFar) {
    // In, out through the right edge (x = 100), back in, ending inside.
    const QPolygonF line{QPointF(50, 10), QPointF(150, 10), QPointF(150, 40), QPointF(50, 40)};
    std::vector<LineRun> runs;
    clip_polyline(line, box, runs);
    ASSERT_EQ(runs.size(), 2U);
    EXPECT_EQ(runs[0].points, (QPolygonF{QPointF(50, 10), QPointF(100, 10)}));
    EXPECT_DOUBLE_EQ(runs[0].starts_at, 0);
    EXPECT_EQ(runs[1].points, (QPolygonF{QPointF(100, 40), QPointF(50, 40)}));
    EXPECT_DOUBLE_EQ(runs[1].starts_at, 100 + 30 + 50); // the whole way out and back to x = 100
}

TEST(ClipPolyline, ASegmentCrossingTheWholeBoxKeepsItsMiddle) {
    const QPolygonF line{QPointF(-50, 25), QPointF(150, 25)};
    std::vector<LineRun> runs;
    clip_polyline(line, box, runs);
    ASSERT_EQ(runs.size(), 1U);
    EXPECT_EQ(runs[0].points, (QPolygonF{QPointF(0, 25), QPointF(100, 25)}));
    EXPECT_DOUBLE_EQ(runs[0].starts_at, 50);
}

TEST(ClipPolyline, ARingAroundTheBoxOrBesideItLeavesNothing) {
    const QPolygonF around{QPointF(-10, -10), QPointF(110, -10), QPointF(110, 60), QPointF(-10, 60),
                           QPointF(-10, -10)};
    const QPolygonF beside{QPointF(200, 0), QPointF(300, 50)};
    std::vector<LineRun> runs{{QPolygonF{QPointF(1, 1)}, 3}}; // cleared first
    clip_polyline(around, box, runs);
    EXPECT_TRUE(runs.empty());
    clip_polyline(beside, box, runs);
    EXPECT_TRUE(runs.empty());
}

TEST(ClipPolyline, AClosedRingCutByACornerGivesItsPiecesInOrder) {
    // A square ring whose top-left corner pokes into the box's bottom-right corner.
    const QPolygonF ring{QPointF(90, 40), QPointF(190, 40), QPointF(190, 140), QPointF(90, 140),
                         QPointF(90, 40)};
    std::vector<LineRun> runs;
    clip_polyline(ring, box, runs);
    ASSERT_EQ(runs.size(), 2U);
    EXPECT_EQ(runs[0].points, (QPolygonF{QPointF(90, 40), QPointF(100, 40)}));
    EXPECT_EQ(runs[1].points, (QPolygonF{QPointF(90, 50), QPointF(90, 40)}));
    EXPECT_DOUBLE_EQ(runs[1].starts_at, 100 + 100 + 100 + 90);
}

} // namespace
