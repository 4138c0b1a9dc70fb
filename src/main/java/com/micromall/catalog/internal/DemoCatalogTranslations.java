package com.micromall.catalog.internal;

import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo shop's category and product names in Chinese (Simplified and Traditional) and Filipino, matched to the
 * demo shelves by their English names. Runs after {@link DemoCatalog} and only while no product or category has a
 * translation, so a demo shop made before translations existed gets them too, and the owner's own are never touched.
 */
@Component
@Order(11)
@ConditionalOnProperty(name = "micromall.demo.enabled", havingValue = "true")
@RequiredArgsConstructor
class DemoCatalogTranslations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogTranslations.class);

    /** One text per language: Simplified Chinese, Traditional Chinese, Filipino. */
    private record Texts(ProductText zhCn, ProductText zhTw, ProductText fil) {

        Map<CatalogLanguage, ProductText> byLanguage() {
            return Map.of(CatalogLanguage.ZH_CN, zhCn, CatalogLanguage.ZH_TW, zhTw, CatalogLanguage.FIL, fil);
        }
    }

    private static Texts texts(String zhCnName, String zhCnText, String zhTwName, String zhTwText, String filName,
                               String filText) {
        return new Texts(new ProductText(zhCnName, zhCnText), new ProductText(zhTwName, zhTwText),
                new ProductText(filName, filText));
    }

    private static final Map<String, List<String>> CATEGORIES = Map.of(
            "Skin care", List.of("护肤", "護膚", "Pangangalaga sa balat"),
            "Home & smart locks", List.of("家居与智能门锁", "居家與智慧門鎖", "Bahay at smart lock"),
            "Pantry", List.of("食品杂货", "食品雜貨", "Pantry"),
            "Gifts", List.of("礼品", "禮品", "Mga regalo"));

    private static final Map<String, Texts> PRODUCTS = Map.ofEntries(
            Map.entry("Rose hydrating toner", texts(
                    "玫瑰保湿爽肤水", "含玫瑰水的温和爽肤水，舒缓并清爽肌肤。",
                    "玫瑰保濕化妝水", "含玫瑰水的溫和化妝水，舒緩並清爽肌膚。",
                    "Rose hydrating toner", "Banayad na toner na may rose water na nagpapakalma at nagpapapresko sa balat.")),
            Map.entry("Vitamin C serum", texts(
                    "维C精华液", "提亮肤色，让肤色更均匀。早上在防晒前使用。",
                    "維C精華液", "提亮膚色，讓膚色更均勻。早上在防曬前使用。",
                    "Vitamin C serum", "Pampaliwanag na serum para sa mas pantay na kulay ng balat. Gamitin sa umaga bago ang sunscreen.")),
            Map.entry("Daily sunscreen SPF 50", texts(
                    "日常防晒霜 SPF 50", "轻薄不油腻，敏感肌也适用。",
                    "日常防曬乳 SPF 50", "輕薄不油膩，敏感肌也適用。",
                    "Pang-araw-araw na sunscreen SPF 50", "Magaan, hindi malagkit at bagay sa sensitibong balat.")),
            Map.entry("Overnight repair mask", texts(
                    "夜间修护面膜", "睡觉时也在修护的乳霜面膜，醒来肌肤柔软。",
                    "夜間修護面膜", "睡覺時也在修護的乳霜面膜，醒來肌膚柔軟。",
                    "Overnight repair mask", "Malambot na balat paggising: cream mask na gumagana habang natutulog ka.")),
            Map.entry("Gentle foam cleanser", texts(
                    "温和泡沫洁面乳", "卸除彩妆和防晒，不会让肌肤干燥。",
                    "溫和泡沫洗面乳", "卸除彩妝和防曬，不會讓肌膚乾燥。",
                    "Banayad na foam cleanser", "Tinatanggal ang make-up at sunscreen nang hindi pinatutuyo ang balat.")),
            Map.entry("Fingerprint door lock", texts(
                    "指纹门锁", "指纹、密码或手机应用开门，附安装指南。",
                    "指紋門鎖", "指紋、密碼或手機應用程式開門，附安裝指南。",
                    "Fingerprint na kandado ng pinto", "Nabubuksan gamit ang fingerprint, code o app. May kasamang gabay sa pagkabit.")),
            Map.entry("Smart lock battery pack", texts(
                    "智能门锁电池组", "指纹锁用充电电池组，约可使用六个月。",
                    "智慧門鎖電池組", "指紋鎖用充電電池組，約可使用六個月。",
                    "Battery pack ng smart lock", "Rechargeable na battery para sa fingerprint lock; tumatagal nang mga anim na buwan.")),
            Map.entry("Video doorbell", texts(
                    "可视门铃", "日夜都能用手机看到门外是谁。",
                    "視訊門鈴", "日夜都能用手機看到門外是誰。",
                    "Video doorbell", "Makita kung sino ang nasa pinto mula sa iyong phone, araw man o gabi.")),
            Map.entry("Window sensor set", texts(
                    "窗户感应器套装", "四个感应器，窗户打开时通知你。",
                    "窗戶感應器組", "四個感應器，窗戶打開時通知你。",
                    "Set ng sensor sa bintana", "Apat na sensor na nagsasabi sa iyo kapag may bintanang nabuksan.")),
            Map.entry("Key safe box", texts(
                    "密码钥匙盒", "壁挂式密码盒，存放备用钥匙。",
                    "密碼鑰匙盒", "壁掛式密碼盒，存放備用鑰匙。",
                    "Kahon ng susi", "Kahong nakakabit sa pader, may code, para sa ekstrang susi.")),
            Map.entry("Wildflower honey", texts(
                    "野花蜂蜜", "来自山区小蜂农的天然蜂蜜，500 克装。",
                    "野花蜂蜜", "來自山區小蜂農的天然蜂蜜，500 公克裝。",
                    "Pulot mula sa ligaw na bulaklak", "Hilaw na pulot mula sa maliliit na nag-aalaga ng bubuyog sa kabundukan. 500 g.")),
            Map.entry("Cold-pressed sesame oil", texts(
                    "冷榨芝麻油", "香浓坚果味，适合凉拌和拌面。250 毫升。",
                    "冷壓芝麻油", "香濃堅果味，適合涼拌和拌麵。250 毫升。",
                    "Cold-pressed na langis ng linga", "Mabango at malinamnam na langis para sa dressing at pansit. 250 ml.")),
            Map.entry("Oolong tea leaves", texts(
                    "乌龙茶叶", "轻焙乌龙茶，100 克，可冲泡五次以上。",
                    "烏龍茶葉", "輕焙烏龍茶，100 公克，可沖泡五次以上。",
                    "Dahon ng oolong tea", "Bahagyang inihaw na oolong, 100 g. Maitimpla nang limang beses o higit pa.")),
            Map.entry("Five-grain breakfast mix", texts(
                    "五谷早餐粉", "燕麦、小米、荞麦、大麦和红米。1 公斤。",
                    "五穀早餐粉", "燕麥、小米、蕎麥、大麥和紅米。1 公斤。",
                    "Limang-butil na almusal", "Oats, millet, buckwheat, barley at pulang bigas. 1 kg.")),
            Map.entry("Chili crisp sauce", texts(
                    "香脆辣椒油", "什么都能配的香脆辣椒油。200 克。",
                    "香脆辣椒油", "什麼都能配的香脆辣椒油。200 公克。",
                    "Malutong na chili sauce", "Malutong na chili oil na bagay sa lahat. 200 g.")),
            Map.entry("Tea lover's gift box", texts(
                    "爱茶人礼盒", "三种茶和一个小玻璃壶，装盒即可送礼。",
                    "愛茶人禮盒", "三種茶和一個小玻璃壺，裝盒即可送禮。",
                    "Gift box para sa mahilig sa tsaa", "Tatlong tsaa at maliit na babasaging tsarera sa kahong handa nang ibigay.")),
            Map.entry("Scented candle trio", texts(
                    "香薰蜡烛三件套", "无花果、雪松和白茶：三支蜡烛，每支可燃 40 小时。",
                    "香氛蠟燭三件組", "無花果、雪松和白茶：三支蠟燭，每支可燃 40 小時。",
                    "Tatlong mabangong kandila", "Fig, cedar at white tea: tatlong kandila, 40 oras bawat isa.")),
            Map.entry("Handmade ceramic mug", texts(
                    "手工陶瓷杯", "每一个都略有不同，手工上釉。",
                    "手工陶瓷杯", "每一個都略有不同，手工上釉。",
                    "Gawang-kamay na ceramic mug", "Bawat isa ay bahagyang naiiba, pinakinang sa kamay.")),
            Map.entry("Skin care travel kit", texts(
                    "护肤旅行套装", "旅行装洁面乳、爽肤水和面霜。",
                    "護膚旅行組", "旅行裝洗面乳、化妝水和乳霜。",
                    "Travel kit sa pangangalaga ng balat", "Cleanser, toner at cream sa laking pang-biyahe.")),
            Map.entry("Gift card", texts(
                    "礼品卡", "让对方自己挑：全店通用的礼品卡。",
                    "禮品卡", "讓對方自己挑：全店通用的禮品卡。",
                    "Gift card", "Hayaan silang pumili: card na magagamit sa buong tindahan.")));

    private final CategoryRepository categories;
    private final ProductRepository products;
    private final ProductTranslationRepository productTranslations;
    private final CategoryTranslationRepository categoryTranslations;

    @Override
    @CacheEvict(cacheNames = CategoryList.CACHE, allEntries = true)
    @Transactional
    public void run(ApplicationArguments args) {
        if (productTranslations.count() > 0 || categoryTranslations.count() > 0) {
            return;
        }
        int translated = 0;
        for (Category category : categories.findAll()) {
            List<String> names = CATEGORIES.get(category.getName());
            if (names != null) {
                for (CatalogLanguage language : CatalogLanguage.values()) {
                    categoryTranslations.save(new CategoryTranslation(category.getId(), language,
                            names.get(language.ordinal())));
                }
            }
        }
        for (Product product : products.findAll()) {
            Texts texts = PRODUCTS.get(product.getName());
            if (texts != null) {
                texts.byLanguage().forEach((language, text) ->
                        productTranslations.save(new ProductTranslation(product.getId(), language, text)));
                translated++;
            }
        }
        if (translated > 0) {
            log.info("Demo catalog: named {} products in Chinese and Filipino", translated);
        }
    }
}
