// Opening examples for GraphiQL: the three lists and a match, with the demo logins.
export const SOCIAL_LINKAGE_EXAMPLES = `
# as jingcaicheng-worker: the organisations of 晶彩城社区 (viewer.account.region.id), contacts in full
query SocialOrganizations($community: ID) {
  socialOrganizations(filter: { regionId: $community, status: ACTIVE }, first: 10) {
    totalCount edges { node { id name standing serviceAreas contactName } }
  }
}
# as jingcaicheng-worker: the open needs, and the resources suggested for one of them
query OpenNeeds($community: ID) {
  communityNeeds(filter: { regionId: $community, status: OPEN }) { edges { node { id summary description } } }
  unmetNeeds(regionId: $community) { category count over30Days }
}
query Suggest($need: ID!) {
  suggestResources(needId: $need) { rank sameCommunity remaining resource { id title providerName } }
}
mutation Match($need: ID!, $resource: ID!) {
  matchNeed(input: { needId: $need, resourceId: $resource }) {
    __typename ... on MatchNeedPayload { engagement { id status resource { remaining } } }
    ... on Error { code message details }
  }
}
# as analyst: the figures of 昌吉州
query SocialLinkageFigures {
  regionByCode(code: "652300") { stats { socialLinkage {
    socialOrganizations { total registered filed } organizationsPerCommunity { communities min median max }
    needs needsMatched matchRate medianDaysToMatch projects projectBudgetYuan
  } } }
}
`;
