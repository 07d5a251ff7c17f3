// 常见弱密码: the top of the widely published common-password lists (English and Chinese leaks)
// plus obvious local ones (woaini1314, dangjian123, changji123).
// Compared case-insensitively. Short ones stay in the list although the length rule already refuses
// them, so the list can be reused if the minimum length changes.
const LIST = `
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123 football monkey
letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael 654321 superman 1qaz2wsx 7777777
121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer zxcvbnm asdfgh hunter buster soccer harley batman andrew
tigger sunshine iloveyou 2000 charlie robert thomas hockey ranger daniel starwars klaster 112233 george computer
michelle jessica pepper 1111 zxcvbn 555555 11111111 131313 freedom 777777 pass maggie 159753 aaaaaa ginger princess
joshua cheese amanda summer love ashley nicole chelsea biteme matthew access yankees 987654321 dallas austin thunder
taylor matrix minecraft william corvette hello martin heather secret merlin diamond 1234qwer gfhjkm hammer silver
222222 88888888 anthony justin test bailey q1w2e3r4t5 patrick internet scooter orange 11111 golfer cookie richard
samantha bigdog guitar jackson whatever mickey chicken sparky snoopy maverick phoenix camaro peanut morgan welcome
falcon cowboy ferrari samsung andrea smokey steelers joseph mercedes dakota arsenal eagles melissa boomer booboo
spider nascar monster tigers yellow xxxxxx 123123123 gateway marina diablo bulldog qwer1234 compaq purple hardcore
banana junior hannah 123654 porsche lakers iceman money cowboys 987654 london tennis 999999 ncc1701 coffee scooby
0000 miller boston q1w2e3r4 brandon yamaha chester mother forever johnny edward 333333 oliver redsox player nikita
knight fender barney midnight please brandy chicago badboy slayer rangers charles angel flower bigdaddy rabbit
wizard jasper enter rachel chris steven winner adidas victoria natasha 1q2w3e4r jasmine winter prince panties marine
ghbdtn fishing cocacola casper james 232323 raiders 888888 marlboro gandalf asdfasdf crystal 87654321 12344321
golden 8675309 sexy qwerty123 1qaz2wsx3edc password1 password123 passw0rd p@ssw0rd p@ssword admin admin123
administrator root toor changeme default guest login welcome1 welcome123 iloveyou1 qwerty1 abc12345 abcd1234
aa123456 a123456 a12345678 1q2w3e4r5t 1q2w3e 1q2w3e4r5t6y zaq12wsx qazwsxedc qwe123 asd123 zxc123 123abc abc123456
1234abcd qwertyu 123456a 123456abc 12345678a 123456789a 111111a 000000a 5201314 520520 1314520 woaini woaini1314
woaini520 woaini123 iloveyou520 5201314520 1314521 131421 woaiwojia woainima aini1314 wangyang zhangwei wangwei
liuyang zhang123 wang123 li123456 liu123456 zhang123456 wang123456 chen123456 yang123456 huang123456 zhao123456
zhou123456 qq123456 qq5201314 qwe123456 asd123456 zxc123456 abc123abc 123456qq 147258 147258369 159357 258369 321321
456456 456789 789456 789456123 147852 147852369 963852741 741852963 123789 112358 520131 121314 111222 112233445566
1122334455 123456654321 1234554321 a1234567 a123456789 aa123456789 aaa123456 aa12345678 abc123456789 a5201314
z123456 zz123456 qwerty12345 qwertyuiop123 abcd123456 abc@123456 admin@123 admin123456 admin888 admin12345
p@ssw0rd123 passw0rd! password@123 password1! password123! p@ssw0rd1 qwer1234qwer 1qaz@wsx 1qaz!qaz qwer!234
zaq1@wsx zaq1xsw2 xiaoming xiaohong dangjian dangjian123 gongchandang zhongguo zhongguo123 china123 china1949
beijing beijing2008 shanghai xinjiang changji changji123 xinjiang123 wulumuqi 1234567891 12345678910 0123456789
9876543210 1111111111 0000000000 2222222222 8888888888 6666666666 5555555555 1234512345 1231231234 asdfghjkl
asdfghjkl123 zxcvbnm123 qwertyuiop1 1qazxsw2 3edc4rfv q1w2e3r4t5y6 1a2b3c4d5e a1b2c3d4e5 a1s2d3f4g5 abcdefg abcdefgh
abcdefghij abcdefghijk password12 password1234 passwordpassword iloveyou123 iloveyou12 letmein123 welcome2024
welcome2025 welcome2026 changeme123 monkey123 dragon123 sunshine123 princess123 football123 baseball123 superman123
batman123 shadow123 master123 michael123 charlie123 jordan23 trustno123 test123456 test1234 testtest tester123
demo123456 demo1234 user123456 user1234 guest123 root123456 super123 system123 manager123 operator123 security123
service123 support123 qazwsx123 qazwsxedc123 1qaz2wsx3edc4rfv zxcvbnm1 asdf1234 zxcv1234 qwerasdf qwerasdfzxcv
11223344 12341234 12121212 13131313 123456123456 520520520 5211314 1314woaini 7758521 7758258 woshishui nishishui
mima123456 mima1234 wodemima 123456789abc abc1234567 qq111111 wo123456 ai123456 wang5201314 zhangsan lisi123456
wangwu123
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));
