package com.micromall.settings.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "shop_settings")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class ShopSettingsEntity {

    static final int THE_ONLY_ROW = 1;

    @Id
    private Integer id;

    @Column(name = "shop_name", nullable = false)
    private String shopName;

    @Column(nullable = false)
    private String currency;

    @Column(name = "contact_email")
    private @Nullable String contactEmail;

    @Column(name = "contact_phone")
    private @Nullable String contactPhone;

    @Column(name = "shipping_fee", nullable = false)
    private BigDecimal shippingFee;

    @Column(name = "time_zone")
    private @Nullable String timeZone;

    @Version
    private long version;

    void change(String shopName, String currency, @Nullable String contactEmail, @Nullable String contactPhone,
                BigDecimal shippingFee, @Nullable String timeZone) {
        this.shopName = shopName;
        this.currency = currency;
        this.contactEmail = contactEmail;
        this.contactPhone = contactPhone;
        this.shippingFee = shippingFee;
        this.timeZone = timeZone;
    }
}
