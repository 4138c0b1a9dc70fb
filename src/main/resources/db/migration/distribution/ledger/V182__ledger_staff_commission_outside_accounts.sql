-- Staff commission (level 0) is paid with wages: take what was counted of it out of the sharers' balance rows.
UPDATE distributor_account a SET
    frozen = frozen - (SELECT COALESCE(SUM(e.amount), 0) FROM commission_entry e
                       WHERE e.distributor_id = a.distributor_id AND e.level = 0 AND e.state = 'FROZEN'),
    available = available - (SELECT COALESCE(SUM(e.amount), 0) FROM commission_entry e
                             WHERE e.distributor_id = a.distributor_id AND e.level = 0 AND e.state = 'AVAILABLE'),
    on_hold = on_hold - (SELECT COALESCE(SUM(e.amount), 0) FROM commission_entry e
                         WHERE e.distributor_id = a.distributor_id AND e.level = 0 AND e.state = 'ON_HOLD'),
    earned = earned - (SELECT COALESCE(SUM(e.amount), 0) FROM commission_entry e
                       WHERE e.distributor_id = a.distributor_id AND e.level = 0
                         AND e.state IN ('FROZEN', 'AVAILABLE', 'ON_HOLD')),
    clawed_back = clawed_back - (SELECT COALESCE(SUM(e.amount), 0) FROM commission_entry e
                                 WHERE e.distributor_id = a.distributor_id AND e.level = 0 AND e.kind = 'CLAWBACK')
WHERE EXISTS (SELECT 1 FROM commission_entry e WHERE e.distributor_id = a.distributor_id AND e.level = 0);
