package com.micromall.settings.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface ShopSettingsRepository extends JpaRepository<ShopSettingsEntity, Integer> {
}
