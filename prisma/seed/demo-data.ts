/**
 * Demo data for 党建引领基层治理 in 昌吉州: pure data, no imports, no side effects.
 * Source story: 昌吉日报 2024-12-20 p.5 (../shared/seeds/000_6ac7a0c982277cae.txt beside the project).
 *
 * Region codes, honestly:
 * - prefecture and counties: GB/T 2260 (652300, 652301 …), verified.
 * - townships (9 digits): 国家统计局 统计用区划代码 (2023 edition, as reproduced in public datasets), verified.
 * - communities/villages (12 digits): verified only for 大庙村 652324104204, 上三工村 652324100204,
 *   大草滩村 652324203200 and 黄台子村 652324203207. Every other community/village code is ILLUSTRATIVE
 *   (township code + 001.. for 社区, 2xx for 村, following the statistical convention), and so are the
 *   names of communities not named on the page (文化社区, 延北社区, 世纪花园社区, 绿苑社区, 博峰社区,
 *   甘河子村, 东风社区, 东街社区, 文化路社区, 滨河社区, 人民路社区, 北五岔村).
 *   北五岔镇 villages other than 魏家场村 / 油坊庄村 / 田家井村 (on the page) come from a public
 *   gazetteer's "neighbours of 大庙村" list; their membership of 北五岔镇 is plausible, not verified.
 * People: everyone is fictitious demo data. Names on the page are used as the story's characters;
 * every attribute the page does not state (birth dates, ethnicity, employer of 马楠, 小蒲's full name
 * 蒲晓, phones, addresses) is invented. Phones and ID numbers are fake but well-formed; ID numbers
 * = county code + birth date + sequence (odd = male) + ISO 7064 MOD 11-2 check digit:
 *   check = "10X98765432"[Σ d[i]·[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2][i] mod 11]
 */

export interface RegionSeed {
  code: string;
  name: string;
  level: 'PREFECTURE' | 'COUNTY' | 'TOWNSHIP' | 'COMMUNITY';
  parentCode: string | null;
}

export interface OrganizationSeed {
  name: string;
  kind:
    | 'GOVERNMENT_DEPARTMENT'
    | 'POLICE_STATION'
    | 'MEDIA'
    | 'SCHOOL'
    | 'HOSPITAL'
    | 'PROPERTY_MANAGEMENT'
    | 'SOCIAL_ORGANIZATION'
    | 'PARTY_ORGANIZATION'
    | 'ENTERPRISE'
    | 'OTHER';
  regionCode: string;
}

export interface PersonSeed {
  key: string;
  name: string;
  gender: 'MALE' | 'FEMALE' | 'UNKNOWN';
  ethnicity: string;
  birthDate: string /* YYYY-MM-DD */;
  phone: string;
  idNumber: string;
  address: string;
  homeCommunityCode: string;
  tags: ('LIVING_ALONE' | 'EMPTY_NEST' | 'LEFT_BEHIND' | 'HARDSHIP' | 'DISABLED' | 'ELDERLY')[];
  partyMember: boolean;
  partyJoinedAt?: string;
  workOrganizationName?: string;
  registeredCommunityCode?: string;
}

export interface AccountSeed {
  username: string;
  role:
    | 'SYSTEM_ADMIN'
    | 'REGION_ADMIN'
    | 'COMMUNITY_WORKER'
    | 'DEPARTMENT_STAFF'
    | 'PARTY_MEMBER'
    | 'RESIDENT'
    | 'ANALYST';
  regionCode: string;
  organizationName?: string;
  personKey?: string;
  description: string;
}

/** Community codes used below (not exported: the arrays are the interface). */
const C = {
  yuanlin: '652301006001', // 园林社区 (绿洲路街道)
  jingcaicheng: '652301004001', // 晶彩城社区 (建国路街道)
  jiashun: '652301004002', // 嘉顺社区 (建国路街道)
  wenhua: '652301001001', // 文化社区 (宁边路街道)
  yanbei: '652301002001', // 延北社区 (延安北路街道)
  shiji: '652301003001', // 世纪花园社区 (北京南路街道)
  tianlong: '652302100001', // 天龙社区 (甘河子镇)
  ganhezi: '652302100201', // 甘河子村 (甘河子镇)
  shangsangong: '652324100204', // 上三工村 (玛纳斯镇)
  weijiachang: '652324104200', // 魏家场村 (北五岔镇)
  youfangzhuang: '652324104201', // 油坊庄村
  tianjiajing: '652324104202', // 田家井村
  damiao: '652324104204', // 大庙村
  dacaotan: '652324203200', // 大草滩村 (塔西河乡)
  huangtaizi: '652324203207', // 黄台子村 (塔西河乡)
  dongfeng: '652323100001', // 东风社区 (呼图壁镇)
  dongjie: '652325100001', // 东街社区 (奇台镇)
  wenhualu: '652327100001', // 文化路社区 (吉木萨尔镇)
  binhe: '652328100001', // 滨河社区 (木垒镇)
  renminlu: '652328100002', // 人民路社区 (木垒镇)
} as const;

export const regions: RegionSeed[] = [
  { code: '652300', name: '昌吉回族自治州', level: 'PREFECTURE', parentCode: null },
  // counties 县/市
  { code: '652301', name: '昌吉市', level: 'COUNTY', parentCode: '652300' },
  { code: '652302', name: '阜康市', level: 'COUNTY', parentCode: '652300' },
  { code: '652323', name: '呼图壁县', level: 'COUNTY', parentCode: '652300' },
  { code: '652324', name: '玛纳斯县', level: 'COUNTY', parentCode: '652300' },
  { code: '652325', name: '奇台县', level: 'COUNTY', parentCode: '652300' },
  { code: '652327', name: '吉木萨尔县', level: 'COUNTY', parentCode: '652300' },
  { code: '652328', name: '木垒哈萨克自治县', level: 'COUNTY', parentCode: '652300' },
  // townships 乡/镇/街道
  { code: '652301001', name: '宁边路街道', level: 'TOWNSHIP', parentCode: '652301' },
  { code: '652301002', name: '延安北路街道', level: 'TOWNSHIP', parentCode: '652301' },
  { code: '652301003', name: '北京南路街道', level: 'TOWNSHIP', parentCode: '652301' },
  { code: '652301004', name: '建国路街道', level: 'TOWNSHIP', parentCode: '652301' },
  { code: '652301006', name: '绿洲路街道', level: 'TOWNSHIP', parentCode: '652301' },
  { code: '652302001', name: '博峰街道', level: 'TOWNSHIP', parentCode: '652302' },
  { code: '652302100', name: '甘河子镇', level: 'TOWNSHIP', parentCode: '652302' },
  { code: '652323100', name: '呼图壁镇', level: 'TOWNSHIP', parentCode: '652323' },
  { code: '652324100', name: '玛纳斯镇', level: 'TOWNSHIP', parentCode: '652324' },
  { code: '652324104', name: '北五岔镇', level: 'TOWNSHIP', parentCode: '652324' },
  { code: '652324203', name: '塔西河乡', level: 'TOWNSHIP', parentCode: '652324' },
  { code: '652325100', name: '奇台镇', level: 'TOWNSHIP', parentCode: '652325' },
  { code: '652327100', name: '吉木萨尔镇', level: 'TOWNSHIP', parentCode: '652327' },
  { code: '652328100', name: '木垒镇', level: 'TOWNSHIP', parentCode: '652328' },
  // communities 社区 / villages 村
  { code: C.wenhua, name: '文化社区', level: 'COMMUNITY', parentCode: '652301001' },
  { code: C.yanbei, name: '延北社区', level: 'COMMUNITY', parentCode: '652301002' },
  { code: C.shiji, name: '世纪花园社区', level: 'COMMUNITY', parentCode: '652301003' },
  { code: C.jingcaicheng, name: '晶彩城社区', level: 'COMMUNITY', parentCode: '652301004' },
  { code: C.jiashun, name: '嘉顺社区', level: 'COMMUNITY', parentCode: '652301004' },
  { code: C.yuanlin, name: '园林社区', level: 'COMMUNITY', parentCode: '652301006' },
  { code: '652301006002', name: '绿苑社区', level: 'COMMUNITY', parentCode: '652301006' },
  { code: '652302001001', name: '博峰社区', level: 'COMMUNITY', parentCode: '652302001' },
  { code: C.tianlong, name: '天龙社区', level: 'COMMUNITY', parentCode: '652302100' },
  { code: C.ganhezi, name: '甘河子村', level: 'COMMUNITY', parentCode: '652302100' },
  { code: C.dongfeng, name: '东风社区', level: 'COMMUNITY', parentCode: '652323100' },
  { code: C.shangsangong, name: '上三工村', level: 'COMMUNITY', parentCode: '652324100' },
  // 北五岔镇: 9 行政村 (the page: 9 villages updated their 公示栏)
  { code: C.weijiachang, name: '魏家场村', level: 'COMMUNITY', parentCode: '652324104' },
  { code: C.youfangzhuang, name: '油坊庄村', level: 'COMMUNITY', parentCode: '652324104' },
  { code: C.tianjiajing, name: '田家井村', level: 'COMMUNITY', parentCode: '652324104' },
  { code: '652324104203', name: '朱家团庄村', level: 'COMMUNITY', parentCode: '652324104' },
  { code: C.damiao, name: '大庙村', level: 'COMMUNITY', parentCode: '652324104' },
  { code: '652324104205', name: '黑沙窝村', level: 'COMMUNITY', parentCode: '652324104' },
  { code: '652324104206', name: '沙窝道村', level: 'COMMUNITY', parentCode: '652324104' },
  { code: '652324104207', name: '红柳坑村', level: 'COMMUNITY', parentCode: '652324104' },
  { code: '652324104208', name: '北五岔村', level: 'COMMUNITY', parentCode: '652324104' },
  { code: C.dacaotan, name: '大草滩村', level: 'COMMUNITY', parentCode: '652324203' },
  { code: C.huangtaizi, name: '黄台子村', level: 'COMMUNITY', parentCode: '652324203' },
  { code: C.dongjie, name: '东街社区', level: 'COMMUNITY', parentCode: '652325100' },
  { code: C.wenhualu, name: '文化路社区', level: 'COMMUNITY', parentCode: '652327100' },
  { code: C.binhe, name: '滨河社区', level: 'COMMUNITY', parentCode: '652328100' },
  { code: C.renminlu, name: '人民路社区', level: 'COMMUNITY', parentCode: '652328100' },
];

export const organizations: OrganizationSeed[] = [
  { name: '昌吉州党委社会工作部', kind: 'PARTY_ORGANIZATION', regionCode: '652300' },
  { name: '昌吉州融媒体中心', kind: 'MEDIA', regionCode: '652301' },
  { name: '新疆农业职业技术大学', kind: 'SCHOOL', regionCode: '652301' },
  { name: '昌吉州人民医院', kind: 'HOSPITAL', regionCode: '652301' },
  { name: '昌吉市晶彩城物业服务有限公司', kind: 'PROPERTY_MANAGEMENT', regionCode: '652301004' },
  { name: '昌吉市馨悦社会工作服务中心', kind: 'SOCIAL_ORGANIZATION', regionCode: '652301' },
  { name: '阜康市住建局', kind: 'GOVERNMENT_DEPARTMENT', regionCode: '652302' },
  { name: '甘河子镇派出所', kind: 'POLICE_STATION', regionCode: '652302100' },
  { name: '玛纳斯县应急管理局', kind: 'GOVERNMENT_DEPARTMENT', regionCode: '652324' },
  { name: '玛纳斯县住建局', kind: 'GOVERNMENT_DEPARTMENT', regionCode: '652324' },
  { name: '玛纳斯县司法局', kind: 'GOVERNMENT_DEPARTMENT', regionCode: '652324' },
  // 共青团 is a mass organisation (群团组织), neither a government department nor a party organisation
  { name: '玛纳斯县团委', kind: 'OTHER', regionCode: '652324' },
  { name: '玛纳斯县第一中学', kind: 'SCHOOL', regionCode: '652324' },
  { name: '福建援疆三明分指挥部', kind: 'OTHER', regionCode: '652324' },
  { name: '中共玛纳斯县北五岔镇委员会', kind: 'PARTY_ORGANIZATION', regionCode: '652324104' },
  { name: '塔西河乡学校', kind: 'SCHOOL', regionCode: '652324203' },
  { name: '木垒县民政局', kind: 'GOVERNMENT_DEPARTMENT', regionCode: '652328' },
  { name: '木垒县安居物业服务有限公司', kind: 'PROPERTY_MANAGEMENT', regionCode: '652328100' },
  { name: '木垒县夕阳红志愿服务协会', kind: 'SOCIAL_ORGANIZATION', regionCode: '652328100' },
];

export const people: PersonSeed[] = [
  // —— named on the page ——
  {
    key: 'wang-xiaomei',
    name: '王孝梅',
    gender: 'FEMALE',
    ethnicity: '汉族',
    birthDate: '1948-03-12',
    phone: '13899461203',
    idNumber: '652301194803124829',
    address: '昌吉市绿洲路街道园林社区园林小区3栋2单元101室',
    homeCommunityCode: C.yuanlin,
    tags: ['EMPTY_NEST', 'ELDERLY'],
    partyMember: false,
  },
  {
    key: 'wu-xiaofang',
    name: '吴晓芳',
    gender: 'FEMALE',
    ethnicity: '汉族',
    birthDate: '1986-07-21',
    phone: '15199402718',
    idNumber: '652301198607212264',
    address: '昌吉市绿洲路街道园林社区绿洲南路小区7栋1单元302室',
    homeCommunityCode: C.yuanlin,
    tags: [],
    partyMember: true,
    partyJoinedAt: '2010-06-28',
  },
  {
    key: 'ma-nan',
    name: '马楠',
    gender: 'MALE',
    ethnicity: '汉族',
    birthDate: '1990-10-06',
    phone: '18699417425',
    idNumber: '652301199010061138',
    address: '昌吉市绿洲路街道园林社区园林小区12栋3单元602室',
    homeCommunityCode: C.yuanlin,
    tags: [],
    partyMember: true,
    partyJoinedAt: '2014-05-20',
    workOrganizationName: '昌吉州人民医院',
    registeredCommunityCode: C.yuanlin,
  },
  {
    key: 'he-fuqin',
    name: '何福琴',
    gender: 'FEMALE',
    ethnicity: '汉族',
    birthDate: '1966-05-14',
    phone: '13579926810',
    idNumber: '652301196605140480',
    address: '昌吉市建国路街道晶彩城社区公租房小区6栋1单元502室',
    homeCommunityCode: C.jingcaicheng,
    tags: ['HARDSHIP'],
    partyMember: false,
  },
  {
    key: 'pu',
    name: '蒲晓',
    gender: 'FEMALE',
    ethnicity: '汉族',
    birthDate: '1995-09-03',
    phone: '18299450637',
    idNumber: '652301199509032643',
    address: '昌吉市建国路街道晶彩城社区晶彩城小区2栋2单元1101室',
    homeCommunityCode: C.jingcaicheng,
    tags: [],
    partyMember: true,
    partyJoinedAt: '2019-07-01',
    workOrganizationName: '昌吉州融媒体中心',
    registeredCommunityCode: C.jingcaicheng,
  },
  {
    key: 'zhang-xingde',
    name: '张兴德',
    gender: 'MALE',
    ethnicity: '汉族',
    birthDate: '1950-11-08',
    phone: '13009923564',
    idNumber: '652301195011083170',
    address: '昌吉市建国路街道嘉顺社区嘉顺小区4栋1单元201室',
    homeCommunityCode: C.jiashun,
    tags: ['ELDERLY'],
    partyMember: false,
  },
  {
    key: 'jiangsaya',
    name: '江萨亚·叶尔布拉提',
    gender: 'FEMALE',
    ethnicity: '哈萨克族',
    birthDate: '2012-04-17',
    phone: '15809941276',
    idNumber: '652324201204170281',
    address: '玛纳斯县塔西河乡黄台子村3组',
    homeCommunityCode: C.huangtaizi,
    tags: [],
    partyMember: false,
  },
  {
    key: 'huang-xinlong',
    name: '黄新龙',
    gender: 'MALE',
    ethnicity: '汉族',
    birthDate: '1978-02-25',
    phone: '13369947012',
    idNumber: '652324197802251517',
    address: '玛纳斯县北五岔镇大庙村1组',
    homeCommunityCode: C.damiao,
    tags: [],
    partyMember: true,
    partyJoinedAt: '2001-07-01',
    workOrganizationName: '中共玛纳斯县北五岔镇委员会',
  },
  // —— community / village workers (accounts) ——
  {
    key: 'li-jing',
    name: '李静',
    gender: 'FEMALE',
    ethnicity: '汉族',
    birthDate: '1990-06-15',
    phone: '18909944851',
    idNumber: '652301199006153427',
    address: '昌吉市建国路街道晶彩城社区晶彩城小区9栋1单元402室',
    homeCommunityCode: C.jingcaicheng,
    tags: [],
    partyMember: true,
    partyJoinedAt: '2013-06-30',
  },
  {
    key: 'zhao-gang',
    name: '赵刚',
    gender: 'MALE',
    ethnicity: '汉族',
    birthDate: '1983-01-30',
    phone: '15299418830',
    idNumber: '65232419830130075X',
    address: '玛纳斯县北五岔镇魏家场村2组',
    homeCommunityCode: C.weijiachang,
    tags: [],
    partyMember: true,
    partyJoinedAt: '2008-07-01',
  },
  {
    key: 'ma-yulan',
    name: '马玉兰',
    gender: 'FEMALE',
    ethnicity: '回族',
    birthDate: '1979-08-09',
    phone: '13899435176',
    idNumber: '652324197908091865',
    address: '玛纳斯县北五岔镇魏家场村4组',
    homeCommunityCode: C.weijiachang,
    tags: [],
    partyMember: true,
    partyJoinedAt: '2004-06-25',
  },
  {
    key: 'sun-li',
    name: '孙丽',
    gender: 'FEMALE',
    ethnicity: '汉族',
    birthDate: '1988-12-02',
    phone: '15719962038',
    idNumber: '652302198812020647',
    address: '阜康市甘河子镇天龙社区天龙小区5栋2单元301室',
    homeCommunityCode: C.tianlong,
    tags: [],
    partyMember: true,
    partyJoinedAt: '2012-07-01',
  },
  // —— in-service party members 在职党员 registered at 天龙社区 ——
  {
    key: 'liu-jianguo',
    name: '刘建国',
    gender: 'MALE',
    ethnicity: '汉族',
    birthDate: '1975-04-22',
    phone: '13199953427',
    idNumber: '652302197504220132',
    address: '阜康市甘河子镇天龙社区天龙小区1栋3单元502室',
    homeCommunityCode: C.tianlong,
    tags: [],
    partyMember: true,
    partyJoinedAt: '1998-07-01',
    workOrganizationName: '阜康市住建局',
    registeredCommunityCode: C.tianlong,
  },
  {
    key: 'aynur',
    name: '阿依努尔·买买提',
    gender: 'FEMALE',
    ethnicity: '维吾尔族',
    birthDate: '1987-09-18',
    phone: '18099408652',
    idNumber: '652302198709181223',
    address: '阜康市甘河子镇天龙社区康居小区3栋1单元202室',
    homeCommunityCode: C.tianlong,
    tags: [],
    partyMember: true,
    partyJoinedAt: '2011-06-20',
    workOrganizationName: '阜康市住建局',
    registeredCommunityCode: C.tianlong,
  },
  {
    key: 'wang-peng',
    name: '王鹏',
    gender: 'MALE',
    ethnicity: '汉族',
    birthDate: '1985-03-07',
    phone: '15609947213',
    idNumber: '652302198503070915',
    address: '阜康市甘河子镇天龙社区天龙小区8栋2单元601室',
    homeCommunityCode: C.tianlong,
    tags: [],
    partyMember: true,
    partyJoinedAt: '2007-12-01',
    workOrganizationName: '甘河子镇派出所',
    registeredCommunityCode: C.tianlong,
  },
  {
    key: 'nurlan',
    name: '努尔兰·阿合买提',
    gender: 'MALE',
    ethnicity: '哈萨克族',
    birthDate: '1991-11-26',
    phone: '18799421590',
    idNumber: '652302199111260351',
    address: '阜康市甘河子镇天龙社区康居小区6栋2单元102室',
    homeCommunityCode: C.tianlong,
    tags: [],
    partyMember: true,
    partyJoinedAt: '2016-07-01',
    workOrganizationName: '甘河子镇派出所',
    registeredCommunityCode: C.tianlong,
  },
  // —— other in-service members ——
  {
    key: 'liu-min',
    name: '刘敏',
    gender: 'FEMALE',
    ethnicity: '汉族',
    birthDate: '1992-03-19',
    phone: '15609961452',
    idNumber: '65230119920319288X',
    address: '昌吉市宁边路街道文化社区文化小区2栋1单元501室',
    homeCommunityCode: C.wenhua,
    tags: [],
    partyMember: true,
    partyJoinedAt: '2015-06-18',
    workOrganizationName: '新疆农业职业技术大学',
    registeredCommunityCode: C.wenhua,
  },
  {
    key: 'wang-hai',
    name: '王海',
    gender: 'MALE',
    ethnicity: '汉族',
    birthDate: '1984-08-11',
    phone: '13899450926',
    idNumber: '652301198408111735',
    address: '昌吉市北京南路街道世纪花园社区世纪花园11栋2单元802室',
    homeCommunityCode: C.shiji,
    tags: [],
    partyMember: true,
    partyJoinedAt: '2009-07-01',
    workOrganizationName: '昌吉州人民医院',
    registeredCommunityCode: C.shiji,
  },
  {
    key: 'sha-yan',
    name: '沙燕',
    gender: 'FEMALE',
    ethnicity: '回族',
    birthDate: '1996-12-08',
    phone: '18999427318',
    idNumber: '652301199612084046',
    address: '昌吉市延安北路街道延北社区延北小区5栋1单元301室',
    homeCommunityCode: C.yanbei,
    tags: [],
    partyMember: true,
    partyJoinedAt: '2020-06-30',
    workOrganizationName: '昌吉州党委社会工作部',
    registeredCommunityCode: C.yanbei,
  },
  {
    key: 'yerlan',
    name: '叶尔兰·哈力别克',
    gender: 'MALE',
    ethnicity: '哈萨克族',
    birthDate: '1980-07-08',
    phone: '18599423316',
    idNumber: '652324198007080979',
    address: '玛纳斯县塔西河乡大草滩村1组',
    homeCommunityCode: C.dacaotan,
    tags: [],
    partyMember: true,
    partyJoinedAt: '2006-07-01',
    workOrganizationName: '塔西河乡学校',
    registeredCommunityCode: C.dacaotan,
  },
  {
    key: 'zhang-lei',
    name: '张磊',
    gender: 'MALE',
    ethnicity: '汉族',
    birthDate: '1989-02-28',
    phone: '13899409547',
    idNumber: '652324198902282139',
    address: '玛纳斯县玛纳斯镇上三工村5组',
    homeCommunityCode: C.shangsangong,
    tags: [],
    partyMember: true,
    partyJoinedAt: '2012-05-04',
    workOrganizationName: '玛纳斯县应急管理局',
    registeredCommunityCode: C.shangsangong,
  },
  {
    key: 'ayjan',
    name: '阿依江·托合塔尔',
    gender: 'FEMALE',
    ethnicity: '哈萨克族',
    birthDate: '1993-04-25',
    phone: '18299407365',
    idNumber: '652328199304250487',
    address: '木垒县木垒镇滨河社区滨河小区3栋2单元402室',
    homeCommunityCode: C.binhe,
    tags: [],
    partyMember: true,
    partyJoinedAt: '2018-06-29',
    workOrganizationName: '木垒县民政局',
    registeredCommunityCode: C.binhe,
  },
  {
    key: 'gao-jianjun',
    name: '高建军',
    gender: 'MALE',
    ethnicity: '汉族',
    birthDate: '1970-09-14',
    phone: '13579943208',
    idNumber: '652328197009140796',
    address: '木垒县木垒镇人民路社区人民路小区1栋1单元101室',
    homeCommunityCode: C.renminlu,
    tags: [],
    partyMember: true,
    partyJoinedAt: '1996-07-01',
    workOrganizationName: '木垒县安居物业服务有限公司',
  },
  // —— residents: elders, hardship, disabled, left-behind ——
  {
    key: 'li-guizhi',
    name: '李桂芝',
    gender: 'FEMALE',
    ethnicity: '汉族',
    birthDate: '1940-02-14',
    phone: '13209951746',
    idNumber: '652302194002142089',
    address: '阜康市甘河子镇天龙社区天龙小区2栋1单元101室',
    homeCommunityCode: C.tianlong,
    tags: ['LIVING_ALONE', 'ELDERLY', 'HARDSHIP'],
    partyMember: false,
  },
  {
    key: 'ma-zhanfu',
    name: '马占福',
    gender: 'MALE',
    ethnicity: '回族',
    birthDate: '1945-07-01',
    phone: '15999432081',
    idNumber: '65230119450701457X',
    address: '昌吉市建国路街道嘉顺社区嘉顺小区1栋2单元102室',
    homeCommunityCode: C.jiashun,
    tags: ['EMPTY_NEST', 'ELDERLY'],
    partyMember: true,
    partyJoinedAt: '1972-07-01',
  },
  {
    key: 'su-wenhua',
    name: '苏文华',
    gender: 'MALE',
    ethnicity: '回族',
    birthDate: '1968-09-23',
    phone: '13699418264',
    idNumber: '652301196809231392',
    address: '昌吉市绿洲路街道园林社区园林小区6栋1单元102室',
    homeCommunityCode: C.yuanlin,
    tags: ['DISABLED'],
    partyMember: false,
  },
  {
    key: 'gulnar',
    name: '古丽娜尔·艾力',
    gender: 'FEMALE',
    ethnicity: '维吾尔族',
    birthDate: '1972-05-30',
    phone: '18160920375',
    idNumber: '652301197205303660',
    address: '昌吉市建国路街道晶彩城社区公租房小区3栋2单元201室',
    homeCommunityCode: C.jingcaicheng,
    tags: ['HARDSHIP', 'DISABLED'],
    partyMember: false,
  },
  {
    key: 'chen-yumei',
    name: '陈玉梅',
    gender: 'FEMALE',
    ethnicity: '汉族',
    birthDate: '1944-10-03',
    phone: '13519943607',
    idNumber: '652324194410030623',
    address: '玛纳斯县北五岔镇魏家场村3组',
    homeCommunityCode: C.weijiachang,
    tags: ['LEFT_BEHIND', 'ELDERLY'],
    partyMember: false,
  },
  {
    key: 'wei-changshan',
    name: '魏长山',
    gender: 'MALE',
    ethnicity: '汉族',
    birthDate: '1955-04-16',
    phone: '13899427605',
    idNumber: '652324195504160319',
    address: '玛纳斯县北五岔镇魏家场村1组',
    homeCommunityCode: C.weijiachang,
    tags: ['ELDERLY'],
    partyMember: true,
    partyJoinedAt: '1978-07-01',
  },
  {
    key: 'tian-fugui',
    name: '田富贵',
    gender: 'MALE',
    ethnicity: '汉族',
    birthDate: '1949-06-27',
    phone: '15299936148',
    idNumber: '652324194906270575',
    address: '玛纳斯县北五岔镇田家井村2组',
    homeCommunityCode: C.tianjiajing,
    tags: ['EMPTY_NEST', 'ELDERLY', 'DISABLED'],
    partyMember: false,
  },
  {
    key: 'yang-shufen',
    name: '杨淑芬',
    gender: 'FEMALE',
    ethnicity: '汉族',
    birthDate: '1951-01-19',
    phone: '13709942851',
    idNumber: '652324195101190441',
    address: '玛纳斯县北五岔镇油坊庄村1组',
    homeCommunityCode: C.youfangzhuang,
    tags: ['LIVING_ALONE', 'ELDERLY'],
    partyMember: false,
  },
  {
    key: 'han-xiaoyu',
    name: '韩小雨',
    gender: 'FEMALE',
    ethnicity: '汉族',
    birthDate: '2014-09-05',
    phone: '18399415023',
    idNumber: '65232420140905126X',
    address: '玛纳斯县北五岔镇油坊庄村3组',
    homeCommunityCode: C.youfangzhuang,
    tags: ['LEFT_BEHIND'],
    partyMember: false,
  },
  {
    key: 'bahet',
    name: '巴合提·努尔别克',
    gender: 'MALE',
    ethnicity: '哈萨克族',
    birthDate: '1952-12-20',
    phone: '15109950734',
    idNumber: '652324195212200198',
    address: '玛纳斯县塔西河乡大草滩村2组',
    homeCommunityCode: C.dacaotan,
    tags: ['LEFT_BEHIND', 'ELDERLY'],
    partyMember: false,
  },
  {
    key: 'erkin',
    name: '艾尔肯·阿不都',
    gender: 'MALE',
    ethnicity: '维吾尔族',
    birthDate: '1987-05-12',
    phone: '15299462830',
    idNumber: '652302198705121717',
    address: '阜康市甘河子镇甘河子村4组',
    homeCommunityCode: C.ganhezi,
    tags: [],
    partyMember: false,
  },
  {
    key: 'li-wei',
    name: '李伟',
    gender: 'MALE',
    ethnicity: '汉族',
    birthDate: '1982-10-29',
    phone: '13399940618',
    idNumber: '652323198210290537',
    address: '呼图壁县呼图壁镇东风社区东风小区7栋1单元202室',
    homeCommunityCode: C.dongfeng,
    tags: [],
    partyMember: true,
    partyJoinedAt: '2005-07-01',
  },
  {
    key: 'zhao-xiulan',
    name: '赵秀兰',
    gender: 'FEMALE',
    ethnicity: '汉族',
    birthDate: '1946-08-21',
    phone: '15809948237',
    idNumber: '652325194608211629',
    address: '奇台县奇台镇东街社区东街小区2栋1单元101室',
    homeCommunityCode: C.dongjie,
    tags: ['EMPTY_NEST', 'ELDERLY'],
    partyMember: false,
  },
  {
    key: 'ma-jun',
    name: '马军',
    gender: 'MALE',
    ethnicity: '回族',
    birthDate: '1976-03-03',
    phone: '18009942673',
    idNumber: '652327197603031158',
    address: '吉木萨尔县吉木萨尔镇文化路社区文化路小区4栋2单元301室',
    homeCommunityCode: C.wenhualu,
    tags: [],
    partyMember: false,
  },
  {
    key: 'zhou-shulan',
    name: '周淑兰',
    gender: 'FEMALE',
    ethnicity: '汉族',
    birthDate: '1942-11-11',
    phone: '13209946518',
    idNumber: '652328194211110263',
    address: '木垒县木垒镇滨河社区滨河小区1栋1单元102室',
    homeCommunityCode: C.binhe,
    tags: ['LIVING_ALONE', 'ELDERLY', 'HARDSHIP'],
    partyMember: false,
  },
  {
    key: 'kadir',
    name: '卡德尔·吐尔逊',
    gender: 'MALE',
    ethnicity: '维吾尔族',
    birthDate: '1947-06-06',
    phone: '15909951842',
    idNumber: '652328194706060376',
    address: '木垒县木垒镇人民路社区人民路小区5栋2单元201室',
    homeCommunityCode: C.renminlu,
    tags: ['EMPTY_NEST', 'ELDERLY'],
    partyMember: false,
  },
];

export const accounts: AccountSeed[] = [
  {
    username: 'admin',
    role: 'SYSTEM_ADMIN',
    regionCode: '652300',
    description: '系统管理员 · system administrator (whole deployment)',
  },
  {
    username: 'zhou-admin',
    role: 'REGION_ADMIN',
    regionCode: '652300',
    description: '昌吉州管理员 · prefecture administrator',
  },
  {
    username: 'beiwucha-admin',
    role: 'REGION_ADMIN',
    regionCode: '652324104',
    description: '北五岔镇管理员 · township admin, switches modules for 北五岔镇',
  },
  {
    username: 'ganhezi-admin',
    role: 'REGION_ADMIN',
    regionCode: '652302100',
    description: '甘河子镇管理员 · township admin for 甘河子镇',
  },
  {
    username: 'yuanlin-worker',
    role: 'COMMUNITY_WORKER',
    regionCode: C.yuanlin,
    personKey: 'wu-xiaofang',
    description: '园林社区干部吴晓芳 · community worker, 园林社区',
  },
  {
    username: 'jingcaicheng-worker',
    role: 'COMMUNITY_WORKER',
    regionCode: C.jingcaicheng,
    personKey: 'li-jing',
    description: '晶彩城社区工作者李静 · community worker, 晶彩城社区',
  },
  {
    username: 'analyst',
    role: 'ANALYST',
    regionCode: '652300',
    description: '数据分析员 · analyst, prefecture-wide aggregates without personal data',
  },
  {
    username: 'member-pu',
    role: 'PARTY_MEMBER',
    regionCode: C.jingcaicheng,
    organizationName: '昌吉州融媒体中心',
    personKey: 'pu',
    description: '在职党员小蒲(州融媒体中心) · in-service party member registered at 晶彩城社区',
  },
  {
    username: 'resident-he',
    role: 'RESIDENT',
    regionCode: C.jingcaicheng,
    personKey: 'he-fuqin',
    description: '居民何福琴 · resident of 晶彩城社区 (makes wishes)',
  },
  {
    username: 'weijiachang-grid',
    role: 'COMMUNITY_WORKER',
    regionCode: C.weijiachang,
    personKey: 'zhao-gang',
    description: '魏家场村网格员赵刚 · grid worker, 魏家场村',
  },
  {
    username: 'weijiachang-worker',
    role: 'COMMUNITY_WORKER',
    regionCode: C.weijiachang,
    personKey: 'ma-yulan',
    description: '魏家场村村干部马玉兰 · village worker, 魏家场村',
  },
  {
    username: 'manas-emergency',
    role: 'DEPARTMENT_STAFF',
    regionCode: '652324',
    organizationName: '玛纳斯县应急管理局',
    description: '玛纳斯县应急管理局 · department staff (accepts escalated incidents)',
  },
  {
    username: 'tianlong-worker',
    role: 'COMMUNITY_WORKER',
    regionCode: C.tianlong,
    personKey: 'sun-li',
    description: '天龙社区工作者孙丽 · community worker, 天龙社区',
  },
  {
    username: 'member-ma',
    role: 'PARTY_MEMBER',
    regionCode: C.yuanlin,
    organizationName: '昌吉州人民医院',
    personKey: 'ma-nan',
    description: '在职党员马楠 · in-service party member registered at 园林社区',
  },
];
