import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useCan, useMe } from '../../lib/auth';
import { type NavItem, visibleNavigation } from '../navigation';

/** The menu key of the page shown: the longest menu path that the location starts with. */
function selectedPath(pathname: string, items: NavItem[]): string | undefined {
  return items
    .map((item) => item.path)
    .filter((path) => pathname === path || pathname.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length)[0];
}

/** The side menu, built from the user's permissions. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { data: me } = useMe();
  const navigation = visibleNavigation(can, !!me?.enterprise);
  const flat = navigation.flatMap((entry) => ('items' in entry ? entry.items : [entry]));
  const toItem = (item: NavItem) => ({ key: item.path, icon: item.icon, label: t(`nav.${item.label}`) });
  const items: MenuProps['items'] = navigation.map((entry) =>
    'items' in entry ? { key: entry.label, icon: entry.icon, label: t(`nav.${entry.label}`), children: entry.items.map(toItem) } : toItem(entry),
  );
  const selected = selectedPath(pathname, flat);
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      defaultOpenKeys={navigation.flatMap((entry) => ('items' in entry ? [entry.label] : []))}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
      data-testid="side-menu"
    />
  );
}
