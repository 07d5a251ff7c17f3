// Opening examples for GraphiQL: the whole wish journey with the demo logins.
export const WISH_EXAMPLES = `
# as resident-he (何福琴): the id of 晶彩城社区 is viewer.account.region.id
mutation Submit($community: ID!) {
  submitWish(
    input: { communityId: $community, title: "泡脚桶", category: ELDER_CARE, channel: ONLINE, estimatedValue: 129 }
  ) {
    __typename ... on SubmitWishPayload { wish { id status } } ... on Error { code message }
  }
}
# as resident-he before the review (a worker of the community also while published): correct it
mutation Correct($id: ID!) {
  updateWish(input: { wishId: $id, title: "泡脚桶（带按摩）", estimatedValue: 159 }) {
    __typename ... on UpdateWishPayload { wish { title status } } ... on Error { code message }
  }
}
# as jingcaicheng-worker
mutation Review($id: ID!) {
  reviewWish(input: { wishId: $id, approve: true }) {
    __typename ... on ReviewWishPayload { wish { status } } ... on Error { code message }
  }
}
# as member-pu (蒲晓, 昌吉州融媒体中心)
mutation Claim($id: ID!) {
  claimWish(input: { wishId: $id, note: "我来圆这个心愿" }) {
    __typename ... on ClaimWishPayload { wish { status claimDueAt } } ... on Error { code message }
  }
}
mutation Fulfil($id: ID!) {
  fulfillWish(input: { wishId: $id, note: "已送到", evidenceUrls: ["https://example.org/photo.jpg"] }) {
    __typename ... on FulfillWishPayload { wish { status } } ... on Error { code message }
  }
}
# as resident-he
mutation Confirm($id: ID!) {
  confirmWish(input: { wishId: $id, thanks: "谢谢小蒲", rating: 5 }) {
    __typename
    ... on ConfirmWishPayload { wish { status timeline { action from to at actorName note } } }
    ... on Error { code message }
  }
}
# anonymous, header {"X-Township": "652301004"}
query Wall { wishWall(first: 10) { totalCount edges { node { id title category requesterName community { name } } } } }
# as analyst
query Figures {
  regionByCode(code: "652300") {
    stats {
      wishes {
        submitted claimed claimRate medianHoursToClaim medianDaysToFulfil
        topClaimingOrganizations { name count }
      }
    }
  }
}
`;
