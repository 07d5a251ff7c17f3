// GraphiQL opening examples for series and rankings (run by test/analyst/examples.test.ts as the demo login
// each comment names). Windows are Asia/Shanghai calendar years: the figures of the demo data's year.
export const SERIES_EXAMPLES = `
# ---- 指标、时间序列与排名 series and rankings
# as analyst (or any login): the metric names for series and rankings
query Figures {
  figures { metric title module kind departments }
}
# as analyst: 昌吉州 month by month, several modules in one request
query MonthlySeries {
  regionByCode(code: "652300") {
    name
    series(
      metrics: ["wishes.submitted", "grid.incidents", "grid.onTimeClosureRate", "party-building.meetingsHeld"]
      from: "2024-01-01T00:00:00+08:00", to: "2025-01-01T00:00:00+08:00", interval: MONTH
    ) { periodStart values { metric value } }
  }
}
# as analyst: counties ranked by 按期结案率, with the year before and the change
query CountyRanking {
  regionByCode(code: "652300") {
    ranking(metric: "grid.onTimeClosureRate", childLevel: COUNTY,
      from: "2024-01-01T00:00:00+08:00", to: "2025-01-01T00:00:00+08:00") {
      rank name value previous change
    }
  }
}
# as analyst: 12345-style 通报, departments ranked by 按期办结率 of the incidents they led
query DepartmentRanking {
  regionByCode(code: "652300") {
    ranking(metric: "grid.departmentOnTimeClosureRate", childLevel: DEPARTMENT,
      from: "2024-01-01T00:00:00+08:00", to: "2027-01-01T00:00:00+08:00", first: 10) {
      rank name value previous change department { id name kind }
    }
  }
}
# as beiwucha-admin: 北五岔镇 quarter by quarter, and its villages ranked by wishes submitted
query BeiwuchaSeries {
  regionByCode(code: "652324104") {
    series(metrics: ["wishes.submitted", "wishes.claimRate", "grid.patrols"],
      from: "2024-01-01T00:00:00+08:00", to: "2025-01-01T00:00:00+08:00", interval: QUARTER) {
      periodStart values { metric value }
    }
    ranking(metric: "wishes.submitted", childLevel: COMMUNITY,
      from: "2024-01-01T00:00:00+08:00", to: "2025-01-01T00:00:00+08:00") { rank name value change }
  }
}
`;
