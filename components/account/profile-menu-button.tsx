"use client";

import { LazyMenu } from "@/components/ui/lazy-menu";
import { profileTriggerClass, ProfileTriggerContent, type ProfileMenuProps } from "./profile-menu-trigger";
import { lazyNamed } from "@/components/ui/lazy-named";

const loadProfileMenu = () => import("./profile-menu");
const ProfileMenu = lazyNamed(loadProfileMenu, "ProfileMenu");

/** The profile menu at the top right, its code loaded when someone comes near the button (components/ui/lazy-menu.tsx). */
export function ProfileMenuButton(props: ProfileMenuProps) {
  return (
    <LazyMenu
      trigger={<ProfileTriggerContent name={props.user.name} />}
      className={profileTriggerClass}
      preload={loadProfileMenu}
      render={(opening) => <ProfileMenu {...props} opening={opening} />}
    />
  );
}
