-- The shop's time zone (an IANA id such as Asia/Shanghai); NULL until the owner picks one, and then the zone
-- follows from the shop's currency.
ALTER TABLE shop_settings ADD COLUMN time_zone VARCHAR(40);
