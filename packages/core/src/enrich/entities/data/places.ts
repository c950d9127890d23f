/**
 * Places other than countries and their capitals: `City|City=Alias:country-slug` (`|` separates places, `=` joins
 * names of one place), grouped by kind. Major cities that
 * news copy names without context, world regions and seas, and first-level divisions of the countries most in the
 * news (US states, Japanese prefectures, Chinese provinces, …). A name that is also a common given name or word
 * ("Victoria", "Reading", "Nice") is left out: the recogniser still finds it from context, just not from here.
 */
export const CITY_ROWS: readonly string[] = [
  // United States
  "New York=New York City=NYC:united-states",
  "Los Angeles=L.A.:united-states",
  "Chicago:united-states",
  "Houston:united-states",
  "Philadelphia:united-states",
  "Phoenix:united-states",
  "San Antonio:united-states",
  "San Diego:united-states",
  "Dallas:united-states",
  "San Francisco:united-states",
  "Seattle:united-states",
  "Boston:united-states",
  "Atlanta:united-states",
  "Miami:united-states",
  "Detroit:united-states",
  "Denver:united-states",
  "Las Vegas:united-states",
  "New Orleans:united-states",
  "Baltimore:united-states",
  "Pittsburgh:united-states",
  "Minneapolis:united-states",
  "Silicon Valley:united-states",
  "Palm Beach|West Palm Beach:united-states",
  "Honolulu:united-states",
  "Anchorage:united-states",
  "Pearl Harbor:united-states",
  // Europe
  "Manchester|Birmingham|Liverpool|Edinburgh|Glasgow|Belfast:united-kingdom",
  "Hamburg|Munich|Frankfurt|Cologne|Bonn:germany",
  "Marseille|Lyon|Strasbourg:france",
  "Milan|Naples|Venice|Turin|Florence:italy",
  "Barcelona|Seville|Valencia:spain",
  "Geneva|Zurich|Davos|Basel:switzerland",
  "St. Petersburg=Saint Petersburg|Vladivostok|Novosibirsk|Kaliningrad|Sochi:russia",
  "Kharkiv|Odesa=Odessa|Lviv|Dnipro|Mariupol|Bakhmut|Zaporizhzhia|Kherson|Donetsk|Luhansk:ukraine",
  "Istanbul:turkey",
  "Rotterdam:netherlands",
  "Antwerp:belgium",
  "Krakow|Gdansk:poland",
  // Asia and Oceania
  "Osaka|Kyoto|Yokohama|Nagoya|Kobe|Sapporo|Fukuoka|Hiroshima|Nagasaki|Sendai|Yokosuka|Naha|Kawasaki|Fukushima:japan",
  "Shanghai|Shenzhen|Guangzhou|Chongqing|Tianjin|Wuhan|Chengdu|Hangzhou|Nanjing|Xi'an|Xiamen|Dalian|Qingdao|Suzhou|Harbin|Kunming|Urumqi|Lhasa|Boao:china",
  "Busan|Incheon|Daegu|Gwangju|Panmunjom:south-korea",
  "Kaohsiung|Taichung|Tainan:taiwan",
  "Mumbai=Bombay|Kolkata=Calcutta|Chennai|Bengaluru=Bangalore|Hyderabad:india",
  "Karachi|Lahore:pakistan",
  "Ho Chi Minh City=Saigon|Da Nang:vietnam",
  "Sydney|Melbourne|Brisbane|Perth|Adelaide:australia",
  "Auckland|Christchurch:new-zealand",
  "Surabaya|Bali:indonesia",
  "Cebu|Davao:philippines",
  // Middle East, Africa, Americas
  "Dubai:united-arab-emirates",
  "Jeddah|Mecca|Medina:saudi-arabia",
  "Tel Aviv|Haifa:israel",
  "Aleppo|Homs|Idlib:syria",
  "Mosul|Basra|Erbil:iraq",
  "Isfahan|Mashhad:iran",
  "Alexandria:egypt",
  "Lagos:nigeria",
  "Johannesburg|Durban:south-africa",
  "Toronto|Montreal|Vancouver|Calgary:canada",
  "São Paulo=Sao Paulo|Rio de Janeiro:brazil",
  "Guadalajara|Monterrey|Tijuana:mexico",
];

/** World regions, seas and other areas spanning or outside single states. */
/** Adjectives of regions, counted toward the region as demonyms ("European countries" → Europe). */
export const REGION_DEMONYMS: ReadonlyMap<string, string> = new Map([
  ["European", "Europe"],
  ["Europeans", "Europe"],
  ["Asian", "Asia"],
  ["Asians", "Asia"],
  ["African", "Africa"],
  ["Africans", "Africa"],
  ["Latin American", "Latin America"],
  ["Middle Eastern", "Middle East"],
]);

/** `=` joins names of one region ("Asia-Pacific=Asia Pacific"); `|` separates regions. */
export const REGION_ROWS: readonly string[] = [
  "Asia|Europe|Africa|North America|South America|Latin America|Oceania|Antarctica|Eurasia|the Americas",
  "East Asia|Southeast Asia|South Asia|Central Asia|West Asia|Northeast Asia|Asia-Pacific=Asia Pacific",
  "Indo-Pacific|Middle East=Mideast|Near East|Far East|Persian Gulf=Gulf region|Levant|Maghreb|Sahel|Horn of Africa",
  "Sub-Saharan Africa|West Africa|East Africa|North Africa|Southern Africa|Central Europe|Eastern Europe|Western Europe",
  "Northern Europe|Southern Europe|Scandinavia|Nordic countries=Nordics|Balkans|Baltics|Caucasus|Caribbean|Central America|Arctic",
  "Global South|Global North|Pacific=Pacific Ocean|Atlantic=Atlantic Ocean|Indian Ocean|Arctic Ocean|Mediterranean",
  "South China Sea|East China Sea|Sea of Japan|Yellow Sea|Black Sea|Red Sea|Baltic Sea|North Sea|Caspian Sea",
  "Taiwan Strait|Strait of Hormuz|Strait of Malacca|Korean Peninsula|Sinai|Gaza Strip=Gaza|West Bank|Golan Heights",
  "Kashmir|Tibet|Xinjiang|Inner Mongolia|Crimea|Donbas=Donbass|Siberia|Kurdistan|Darfur|Nagorno-Karabakh|Chechnya",
  "Senkaku Islands=Senkakus=Diaoyu Islands|Spratly Islands=Spratlys|Paracel Islands|Kuril Islands|Northern Territories",
  "Dokdo=Takeshima|Scarborough Shoal|Second Thomas Shoal|Okinawa|Hokkaido|Honshu|Kyushu|Shikoku|Ryukyu Islands",
  "England|Scotland|Wales|Northern Ireland|Flanders|Catalonia|Bavaria|Quebec|Ontario|British Columbia|Alberta",
  "Queensland|New South Wales|Tasmania|Punjab|Kerala|Gujarat|Maharashtra|Bengal|Balochistan",
  "Guangdong|Fujian|Zhejiang|Jiangsu|Shandong|Sichuan|Hubei|Hunan|Henan|Hebei|Yunnan|Guangxi|Hainan|Liaoning|Jilin",
  "Heilongjiang|Shaanxi|Shanxi|Anhui|Jiangxi|Guizhou|Gansu|Qinghai|Ningxia",
  // Japanese prefectures ("Kanagawa Prefecture" is found from its head word as well)
  "Aomori|Iwate|Miyagi|Akita|Yamagata|Ibaraki|Tochigi|Gunma|Saitama|Chiba|Kanagawa|Niigata|Toyama|Ishikawa|Fukui",
  "Yamanashi|Nagano|Gifu|Shizuoka|Aichi|Mie|Shiga|Hyogo|Nara|Wakayama|Tottori|Shimane|Okayama|Yamaguchi|Tokushima",
  "Kagawa|Ehime|Kochi|Saga|Kumamoto|Oita|Miyazaki|Kagoshima",
  // US states (Washington State only with its qualifier: bare "Washington" is the capital)
  "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana",
  "Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana",
  "Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|Oregon",
  "Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia",
  "Wisconsin|Wyoming|Washington State|New York State",
];
