"use client";

import { lazy } from "react";
import { LazyMenu } from "@/components/ui/lazy-menu";
import { profileTriggerClass, ProfileTriggerContent, type ProfileMenuProps } from "./profile-menu-trigger";

const loadProfileMenu = () => import("./profile-menu");
const ProfileMenu = lazy(() => loadProfileMenu().then((module) => ({ default: module.ProfileMenu })));

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
