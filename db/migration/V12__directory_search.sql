-- The directory's filtered search (issue 3) and hiding suspended or banned members.
--
-- craft_mask: one bit per craft (bit n = the craft at position n of Craft, whose order is pinned
-- by CraftTests), kept in step with profile_crafts by the Profile entity. A search that combines a
-- craft with a location or words tests the bit on the row it already read instead of probing
-- profile_crafts once per candidate, which halved the filtered search (DirectoryAndSuggestionsBenchmark).
ALTER TABLE profiles ADD COLUMN craft_mask BIGINT NOT NULL DEFAULT 0;

-- listed: false while the member's account is suspended or banned (AccountStateChanged); such
-- members leave the directory, suggestions and their public profile page until reinstated.
ALTER TABLE profiles ADD COLUMN listed BOOLEAN NOT NULL DEFAULT TRUE;

/* [jooq ignore start] */
UPDATE profiles p
  JOIN (SELECT member_id,
               BIT_OR(1 << (FIND_IN_SET(craft, 'director,producer,writer,cinematographer,camera-operator,first-ac,second-ac,gaffer,key-grip,grip,electrician,production-designer,art-director,set-decorator,costume-designer,hair-makeup,sound-mixer,boom-operator,editor,assistant-editor,colorist,vfx-artist,motion-designer,composer,sound-designer,actor,casting-director,production-manager,assistant-director,script-supervisor,location-manager,production-assistant,other') - 1)) AS mask
          FROM profile_crafts
         GROUP BY member_id) c ON c.member_id = p.member_id
   SET p.craft_mask = c.mask;

-- A one-time copy of the accounts' state at the time of this migration; from now on profiles
-- learns of changes from AccountStateChanged.
UPDATE profiles p JOIN accounts a ON a.id = p.member_id SET p.listed = (a.state = 'ACTIVE');
/* [jooq ignore stop] */
